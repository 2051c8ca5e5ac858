package fr.acta.sae;

import fr.acta.common.ActaProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Where the chunks of a chunked deposit wait for the last one:
 * {@code ${acta.home}/sae/chunks/{session}/{file}-{chunk}}, each written to a temporary name,
 * fsynced, then renamed in place by the transaction that records it.
 */
@Component
class ChunkFiles {

    private final Path root;

    ChunkFiles(ActaProperties acta) {
        this.root = acta.home().resolve("sae/chunks");
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + root, e);
        }
    }

    /** Writes a received chunk under a temporary name; returns that file. */
    Path receive(UUID session, InputStream content) throws IOException {
        Path folder = root.resolve(session.toString());
        Files.createDirectories(folder);
        Path temp = folder.resolve("tmp-" + UUID.randomUUID());
        try (InputStream in = content) {
            Files.copy(in, temp);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    /** Moves a received chunk to its place. */
    Path place(Path temp, UUID session, int file, int chunk) throws IOException {
        Path target = chunk(session, file, chunk);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        ObjectStores.fsyncDirectory(target.getParent());
        return target;
    }

    Path chunk(UUID session, int file, int chunk) {
        return root.resolve(session.toString()).resolve(file + "-" + chunk);
    }

    /** One file of the deposit: its chunks read one after the other. */
    IncomingFiles.Upload assembled(UUID session, int file, int chunks, String name) {
        return new IncomingFiles.Upload() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open() {
                Iterator<Integer> next = java.util.stream.IntStream.rangeClosed(1, chunks).iterator();
                return new SequenceInputStream(new Enumeration<InputStream>() {
                    @Override
                    public boolean hasMoreElements() {
                        return next.hasNext();
                    }

                    @Override
                    public InputStream nextElement() {
                        try {
                            return Files.newInputStream(chunk(session, file, next.next()));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                });
            }
        };
    }

    void delete(UUID session) {
        TransferFolders.deleteQuietly(root.resolve(session.toString()));
    }

    /** The sessions that have a folder here. */
    List<UUID> present() throws IOException {
        return TransferFolders.present(root);
    }
}
