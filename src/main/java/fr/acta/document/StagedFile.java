package fr.acta.document;

import java.nio.file.Path;

/**
 * An uploaded file copied to Acta's staging area, hashed and checked, not yet part of the store.
 * {@code mediaType} is the type detected from the content.
 */
public record StagedFile(Path path, String originalName, long size, String sha256, String mediaType) {
}
