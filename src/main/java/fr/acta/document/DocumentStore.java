package fr.acta.document;

import fr.acta.common.ActaProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Content-addressed file store, one tree per collectivité:
 * {@code ${acta.home}/documents/{tenant}/sha256/ab/cd/abcd…}. Every write goes to a temporary file
 * in the staging area, is fsynced, renamed atomically into place, and re-hashed from disk.
 */
@Component
public class DocumentStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9-]{0,30}");

    private final Path root;
    private final Path staging;

    DocumentStore(ActaProperties properties) {
        this.root = properties.home().resolve("documents");
        this.staging = properties.home().resolve("staging");
        try {
            Files.createDirectories(root);
            Files.createDirectories(staging);
            sweepStaging(Duration.ofHours(1));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the document folders under " + properties.home(), e);
        }
    }

    /** Uploads staged by a process that died (kill -9 during an intake) are removed at the next start. */
    void sweepStaging(Duration olderThan) throws IOException {
        Instant limit = Instant.now().minus(olderThan);
        try (Stream<Path> files = Files.list(staging)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().endsWith(".part")
                        && Files.getLastModifiedTime(file).toInstant().isBefore(limit)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Copies a stream into the staging area, hashing it on the way. The caller deletes or commits it. */
    public StagedFile stage(InputStream in, String originalName) throws IOException {
        Path tmp = staging.resolve(UUID.randomUUID() + ".part");
        MessageDigest digest = sha256();
        long size;
        try (InputStream din = new DigestInputStream(in, digest);
             OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            size = din.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return new StagedFile(tmp, originalName, size, HexFormat.of().formatHex(digest.digest()), null);
    }

    /** Moves a staged file into the tenant's store (or drops it when the same content is already there). */
    public StoredFile commit(String tenantCode, StagedFile staged) throws IOException {
        Path target = path(tenantCode, staged.sha256());
        if (Files.exists(target)) {
            Files.deleteIfExists(staged.path());
            return new StoredFile(staged.sha256(), staged.size(), false);
        }
        Files.createDirectories(target.getParent());
        fsync(staged.path());
        boolean created;
        try {
            Files.move(staged.path(), target, StandardCopyOption.ATOMIC_MOVE);
            created = true;
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(staged.path());
            created = false;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The staging area and the store must be on the same file system", e);
        }
        fsyncDirectory(target.getParent());
        String onDisk = hash(target);
        if (!onDisk.equals(staged.sha256())) {
            if (created) {
                Files.deleteIfExists(target);
            }
            throw new IOException("Stored file does not match its hash " + staged.sha256());
        }
        return new StoredFile(staged.sha256(), staged.size(), created);
    }

    public InputStream open(String tenantCode, String sha256) throws IOException {
        return Files.newInputStream(path(tenantCode, sha256));
    }

    public Path path(String tenantCode, String sha256) {
        if (!TENANT.matcher(tenantCode).matches() || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Invalid store address");
        }
        return root.resolve(tenantCode).resolve("sha256").resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    public void delete(String tenantCode, String sha256) throws IOException {
        Files.deleteIfExists(path(tenantCode, sha256));
    }

    public void discard(StagedFile staged) {
        try {
            Files.deleteIfExists(staged.path());
        } catch (IOException ignored) {
            // best effort: the staging area is swept at start-up
        }
    }

    static String hash(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // some file systems refuse to open directories; the rename is still atomic
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
