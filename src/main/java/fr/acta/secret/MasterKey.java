package fr.acta.secret;

import fr.acta.common.ActaProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The installation's master key (32 bytes), from {@code acta.signature.master-key} /
 * {@code ACTA_MASTER_KEY}, or on the embedded default from {@code ${acta.home}/master.key}
 * (generated on first start, mode 0600). Never stored in the database. Every key Acta keeps a secret
 * with (signing keys, the local PKI, the {@link SecretBox}) is derived from it with HKDF-SHA256 and a
 * purpose label, so no two uses share a key.
 */
@Component
public class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
    public static final String FILE_NAME = "master.key";

    private final byte[] key;

    @Autowired
    MasterKey(@Value("${acta.signature.master-key:}") String configured, ActaProperties acta,
              @Value("${spring.datasource.url:}") String dbUrl) {
        this(configured, acta.home(), dbUrl == null || dbUrl.isBlank());
    }

    /**
     * The key as configured (base64), else on the embedded default the one of {@code home}'s
     * {@value #FILE_NAME} (created if absent); with neither, Acta refuses to start.
     */
    public MasterKey(String configured, Path home, boolean embeddedDefault) {
        if (configured != null && !configured.isBlank()) {
            this.key = decode(configured, "acta.signature.master-key");
        } else if (embeddedDefault) {
            this.key = fromFile(home.resolve(FILE_NAME));
        } else {
            throw new IllegalStateException("No master key: set ACTA_MASTER_KEY (base64 of 32 random bytes, "
                    + "e.g. `openssl rand -base64 32`) when Acta runs on an external database");
        }
    }

    private MasterKey(byte[] key) {
        this.key = key.clone();
    }

    public static MasterKey of(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("The master key must be 32 bytes");
        }
        return new MasterKey(key);
    }

    /** {@code length} bytes for one purpose, e.g. {@code "keyvault/aes-256-gcm"}. */
    public byte[] derive(String purpose, int length) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(key, "acta".getBytes(StandardCharsets.US_ASCII),
                ("acta/" + purpose).getBytes(StandardCharsets.UTF_8)));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }

    /** A password for one purpose (a PKCS#12 file), 256 bits written in base64. */
    public char[] password(String purpose) {
        byte[] raw = derive("password/" + purpose, 32);
        try {
            return Base64.getEncoder().withoutPadding().encodeToString(raw).toCharArray();
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
                    log.warn("No ACTA_MASTER_KEY: generated a master key into {} (mode 0600). Back it up apart from "
                            + "the database: without it the signing keys cannot be opened. Set ACTA_MASTER_KEY "
                            + "in production.", file);
                } catch (FileAlreadyExistsException raced) {
                    // another instance wrote it first: read it below
                }
            }
            return decode(Files.readString(file).strip(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key " + file, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The master key in " + source + " is not base64");
        }
        if (k.length != 32) {
            throw new IllegalStateException("The master key in " + source + " must be 32 bytes, not " + k.length);
        }
        return k;
    }
}
