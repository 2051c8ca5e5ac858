package fr.acta.seda;

/**
 * A file's format as the manifest states it.
 *
 * @param mimeType the MIME type
 * @param formatId the PRONOM identifier (PUID), or null when Acta cannot tell one
 * @param literal  PRONOM's name of the format, or null
 */
record FileFormat(String mimeType, String formatId, String literal) {
}
