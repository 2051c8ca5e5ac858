package fr.acta.sae;

import fr.acta.common.ActaProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The archive's storage locations (at least two), each a content-addressed tree
 * {@code {location}/{tenant}/sha256/ab/cd/{sha256}}. An object is written to a temporary file in
 * each location's own {@code .tmp} folder (so the rename stays on one file system), fsynced,
 * renamed atomically into place, and hashed again from disk.
 */
@Component
class ObjectStores {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9-]{0,30}");

    /** One storage location. */
    record Location(String name, Path root) {
        Path tmp() {
            return root.resolve(".tmp");
        }
    }

    /** An object written to a temporary file in every location, not yet in place. */
    record Staged(Map<Location, Path> files, String sha256, String digest, long size) {
    }

    /** The content is larger than allowed: the copy stopped there. */
    static final class TooLargeException extends IOException {
        TooLargeException(long limit) {
            super("More than " + limit + " bytes");
        }
    }

    private final List<Location> locations;

    ObjectStores(SaeProperties properties, ActaProperties acta) {
        Map<String, Path> configured = properties.locations().isEmpty()
                ? Map.of("store-a", acta.home().resolve("sae/store-a"), "store-b", acta.home().resolve("sae/store-b"))
                : properties.locations();
        this.locations = configured.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new Location(e.getKey(), e.getValue().toAbsolutePath().normalize())).toList();
        if (locations.size() < 2 || locations.stream().map(Location::root).distinct().count() < locations.size()) {
            throw new IllegalStateException("acta.sae.locations needs at least two distinct folders");
        }
        try {
            for (Location l : locations) {
                Files.createDirectories(l.tmp());
                sweep(l, Duration.ofHours(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the archive's storage locations", e);
        }
    }

    List<Location> locations() {
        return locations;
    }

    Path path(Location location, String tenant, String sha256) {
        if (!TENANT.matcher(tenant).matches() || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Invalid store address");
        }
        return location.root().resolve(tenant).resolve("sha256").resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    /**
     * Copies {@code in} to a temporary file in every location in one pass, computing its SHA-256
     * and its digest with {@code algorithm} (the manifest's); stops with a {@link TooLargeException}
     * past {@code limit} bytes. Every file is fsynced before this returns.
     */
    Staged stage(InputStream in, String algorithm, long limit) throws IOException {
        MessageDigest sha256 = Fixity.digest("SHA-256");
        MessageDigest other = algorithm.equals("SHA-256") ? null : Fixity.digest(algorithm);
        Map<Location, Path> files = new LinkedHashMap<>();
        List<FileChannel> channels = new ArrayList<>();
        long size = 0;
        try {
            for (Location l : locations) {
                Path tmp = l.tmp().resolve(UUID.randomUUID() + ".part");
                files.put(l, tmp);
                channels.add(FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
            }
            byte[] buffer = new byte[Fixity.BUFFER];
            int n;
            while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                size += n;
                if (size > limit) {
                    throw new TooLargeException(limit);
                }
                sha256.update(buffer, 0, n);
                if (other != null) {
                    other.update(buffer, 0, n);
                }
                for (FileChannel c : channels) {
                    ByteBuffer b = ByteBuffer.wrap(buffer, 0, n);
                    while (b.hasRemaining()) {
                        c.write(b);
                    }
                }
            }
            for (FileChannel c : channels) {
                c.force(true);
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(channels);
            discard(new Staged(files, null, null, size));
            throw e;
        }
        closeQuietly(channels);
        String hex = HexFormat.of().formatHex(sha256.digest());
        return new Staged(files, hex, other == null ? hex : HexFormat.of().formatHex(other.digest()), size);
    }

    void discard(Staged staged) {
        staged.files().values().forEach(f -> {
            try {
                Files.deleteIfExists(f);
            } catch (IOException ignored) {
                // swept later
            }
        });
    }

    /**
     * Moves a staged object into place in every location. A copy already there (same content,
     * another archive) is kept if it is intact and replaced if it is not.
     */
    void commit(String tenant, Staged staged) throws IOException {
        for (Map.Entry<Location, Path> e : staged.files().entrySet()) {
            Path target = path(e.getKey(), tenant, staged.sha256());
            if (Files.exists(target) && staged.sha256().equals(Fixity.sha256(target))) {
                Files.deleteIfExists(e.getValue());
                continue;
            }
            place(e.getValue(), target, staged.sha256());
        }
    }

    /** The state of one copy: its SHA-256 computed from disk, or null when the file is missing. */
    String hash(Location location, String tenant, String sha256) throws IOException {
        Path file = path(location, tenant, sha256);
        return Files.exists(file) ? Fixity.sha256(file) : null;
    }

    /** Replaces the copy in {@code to} by the (checked) copy in {@code from}. */
    void repair(String tenant, String sha256, Location from, Location to) throws IOException {
        Path source = path(from, tenant, sha256);
        Path tmp = to.tmp().resolve(UUID.randomUUID() + ".part");
        try (InputStream in = Files.newInputStream(source)) {
            Files.copy(in, tmp);
        }
        try {
            place(tmp, path(to, tenant, sha256), sha256);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void place(Path tmp, Path target, String sha256) throws IOException {
        if (!sha256.equals(Fixity.sha256(tmp))) {
            throw new IOException("The copy to place does not match " + sha256);
        }
        fsync(tmp);
        Files.createDirectories(target.getParent());
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("A location's .tmp folder must be on the location's file system", e);
        }
        fsyncDirectory(target.getParent());
        if (!sha256.equals(Fixity.sha256(target))) {
            throw new IOException("Stored copy " + target + " does not match its hash");
        }
    }

    private static void sweep(Location location, Duration olderThan) throws IOException {
        Instant limit = Instant.now().minus(olderThan);
        try (Stream<Path> files = Files.list(location.tmp())) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(limit)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // some file systems refuse to open directories; the rename is still atomic
        }
    }

    private static void closeQuietly(List<FileChannel> channels) {
        for (FileChannel c : channels) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
}
