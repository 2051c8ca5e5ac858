package fr.acta.sae;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** The per-transfer (or per-chunk-session) folders of the archive's work areas: listing and removal. */
final class TransferFolders {

    private TransferFolders() {
    }

    /** Removes a file or a folder with its content; what cannot be removed now is left for the next sweep. */
    static void deleteQuietly(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // left for the next sweep
        }
    }

    /** The ids whose folder is under {@code root}. */
    static List<UUID> present(Path root) throws IOException {
        try (Stream<Path> folders = Files.list(root)) {
            return folders.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("[0-9a-f-]{36}")).map(UUID::fromString).toList();
        }
    }
}
