package fr.acta.sae;

import fr.acta.common.ActaProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Where a received transfer waits for its processing: {@code ${acta.home}/sae/incoming/{transfer}/},
 * holding {@code seda_message.xml} and the attachments ({@code attachment-1}, {@code -2}…), each
 * written and fsynced before the transfer's row commits. Removed once the transfer is processed.
 */
@Component
class IncomingFiles {

    static final String MESSAGE = "seda_message.xml";
    private static final String ATTACHMENT = "attachment-";

    private final Path root;

    IncomingFiles(ActaProperties acta) {
        this.root = acta.home().resolve("sae/incoming");
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + root, e);
        }
    }

    Path folder(UUID transferId) {
        return root.resolve(transferId.toString());
    }

    /** Writes the message and the attachments of a new transfer; returns the attachments' total size. */
    long write(UUID transferId, byte[] message, List<? extends Upload> attachments) throws IOException {
        Path folder = folder(transferId);
        Files.createDirectories(folder);
        long total = 0;
        try {
            try (OutputStream out = Files.newOutputStream(folder.resolve(MESSAGE), StandardOpenOption.CREATE_NEW)) {
                out.write(message);
            }
            fsync(folder.resolve(MESSAGE));
            int i = 0;
            for (Upload upload : attachments) {
                Path file = folder.resolve(ATTACHMENT + (++i));
                try (InputStream in = upload.open()) {
                    total += Files.copy(in, file);
                }
                fsync(file);
                Path name = folder.resolve(ATTACHMENT + i + ".name");
                Files.writeString(name, upload.name() == null ? "" : upload.name());
                fsync(name);
            }
            ObjectStores.fsyncDirectory(folder);
            ObjectStores.fsyncDirectory(root);
        } catch (IOException | RuntimeException e) {
            delete(transferId);
            throw e;
        }
        return total;
    }

    byte[] message(UUID transferId) throws IOException {
        return Files.readAllBytes(folder(transferId).resolve(MESSAGE));
    }

    /** The attachments in the order they were received, with the names the client gave them. */
    List<Attachment> attachments(UUID transferId) throws IOException {
        Path folder = folder(transferId);
        List<Attachment> list = new java.util.ArrayList<>();
        for (int i = 1; Files.exists(folder.resolve(ATTACHMENT + i)); i++) {
            list.add(new Attachment(folder.resolve(ATTACHMENT + i),
                    Files.readString(folder.resolve(ATTACHMENT + i + ".name"))));
        }
        return list;
    }

    void delete(UUID transferId) {
        TransferFolders.deleteQuietly(folder(transferId));
    }

    /** The transfers that have a folder here. */
    List<UUID> present() throws IOException {
        return TransferFolders.present(root);
    }

    private static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** A received file, before it is written here. */
    interface Upload {
        String name();

        InputStream open() throws IOException;
    }

    /** A received file, as kept here. */
    record Attachment(Path file, String name) {
    }
}
