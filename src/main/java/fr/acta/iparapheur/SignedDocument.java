package fr.acta.iparapheur;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file taken from the folder's ZIP.
 *
 * @param sha256         SHA-256 of {@code content}, lower-case hex, computed by Acta
 * @param fixityVerified whether the PREMIS SHA-256 of this file matches {@code content}; null when the
 *                       PREMIS gives none (bordereau, detached signatures)
 */
public record SignedDocument(String name, byte[] content, String sha256, Boolean fixityVerified) {

    public SignedDocument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedDocument d && name.equals(d.name) && Arrays.equals(content, d.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "SignedDocument[" + name + ", " + content.length + " octets, sha256=" + sha256 + "]";
    }
}
