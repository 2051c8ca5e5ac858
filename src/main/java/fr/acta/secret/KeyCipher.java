package fr.acta.secret;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM (JCA) with a random 96-bit IV per blob and a 128-bit tag. The associated data binds a
 * blob to its row (for instance key id, collectivité and owner), so a blob copied onto another row
 * does not open.
 */
public final class KeyCipher {

    public static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public KeyCipher(byte[] key256) {
        if (key256.length != 32) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key");
        }
        this.key = new SecretKeySpec(key256, "AES");
    }

    /** A blob as stored: its nonce and the ciphertext followed by the tag. */
    public record Sealed(byte[] iv, byte[] ciphertext) {
    }

    public Sealed encrypt(byte[] plaintext, byte[] associatedData) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(associatedData);
            return new Sealed(iv, c.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public byte[] decrypt(Sealed sealed, byte[] associatedData) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.iv()));
            c.updateAAD(associatedData);
            return c.doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("An encrypted blob does not open: wrong master key, or the row was "
                    + "altered or moved", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }
}
