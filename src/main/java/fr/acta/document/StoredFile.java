package fr.acta.document;

/** A file in the content-addressed store; {@code created} tells whether this write added it. */
public record StoredFile(String sha256, long size, boolean created) {
}
