package fr.acta.sae;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hashing of the fixity audit: SHA-256 of a file read through one large buffer, so that the
 * digest (with the CPU's SHA extensions, through the JDK's intrinsics) rather than the reads sets
 * the pace. The same code hashes objects at ingest, in the audit and in the benchmark against
 * {@code sha256sum}.
 */
final class Fixity {

    static final int BUFFER = 1 << 20;
    private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal.withInitial(() -> ByteBuffer.allocate(BUFFER));

    private Fixity() {
    }

    /** The SHA-256 of the file, lowercase hexadecimal. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest = digest("SHA-256");
        ByteBuffer buffer = BUFFERS.get();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (true) {
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) {
                    break;
                }
                digest.update(buffer.array(), 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest("SHA-256").digest(bytes));
    }
}
