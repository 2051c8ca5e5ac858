package fr.acta.seda;

import java.util.List;

/**
 * One act's {@code ArchiveTransfer}: the ZIP to send and, for the record, its manifest and the
 * description of each file it holds.
 *
 * @param version           the SEDA version of the manifest
 * @param messageIdentifier the transfer's identifier
 * @param zip               the package: {@code manifest.xml} at the root, the files under {@code Content/}
 * @param manifest          the manifest, as in the ZIP (UTF-8), valid against the version's schema
 * @param objects           the files, in the request's order
 */
public record SedaTransfer(SedaVersion version, String messageIdentifier, byte[] zip, byte[] manifest,
                           List<Entry> objects) {

    public SedaTransfer {
        objects = List.copyOf(objects);
    }

    /**
     * @param id       the {@code BinaryDataObject} id
     * @param path     the file's path in the ZIP, also its {@code Uri}
     * @param role     what the file is to the act
     * @param fileName the file's own name
     * @param sha512   the SHA-512 digest, lowercase hexadecimal
     * @param size     the size in bytes
     * @param mimeType the detected MIME type
     * @param formatId the PRONOM identifier, or null when the format has none Acta can tell
     */
    public record Entry(String id, String path, ObjectRole role, String fileName, String sha512, long size,
                        String mimeType, String formatId) {
    }
}
