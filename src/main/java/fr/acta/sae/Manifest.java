package fr.acta.sae;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What the archive keeps of a valid {@code ArchiveTransfer} manifest.
 *
 * @param comment           the first {@code Comment}, or null
 * @param archivalAgreement the {@code ArchivalAgreement}, or null
 * @param objects           the {@code BinaryDataObject}s, in document order
 * @param units             the archive units, parents before children, in document order
 */
record Manifest(String comment, String archivalAgreement, List<DataObject> objects, List<Unit> units) {

    /**
     * One {@code BinaryDataObject}.
     *
     * @param id        its {@code id}
     * @param groupId   its {@code DataObjectGroup}'s id, or null
     * @param uri       where its file is in the attachments ({@code Uri} or {@code Attachment/@filename}), or null
     * @param inline    its content when the manifest carries it ({@code Attachment} in base64), or null
     * @param algorithm the digest algorithm, as the JDK names it ({@code SHA-512}…), or null when not accepted
     * @param declaredAlgorithm the algorithm as written in the manifest
     * @param digest    the declared digest, lowercase hexadecimal (or as written when not hexadecimal)
     * @param size      the declared size, or null
     * @param mimeType  {@code FormatIdentification/MimeType}, or null
     * @param formatId  {@code FormatIdentification/FormatId}, or null
     * @param fileName  {@code FileInfo/Filename}, or null
     */
    record DataObject(String id, String groupId, String uri, byte[] inline, String algorithm, String declaredAlgorithm,
                      String digest, Long size, String mimeType, String formatId, String fileName) {

        @Override
        public String toString() {
            return "DataObject[" + id + ", " + uri + "]";
        }
    }

    /**
     * One {@code ArchiveUnit}.
     *
     * @param key         its {@code id} in the manifest (generated when it has none)
     * @param parentKey   its parent's key, or null for a unit of {@code DescriptiveMetadata}
     * @param level       {@code DescriptionLevel}, or null
     * @param title       the first {@code Title}, or null
     * @param identifiers its identifiers (system, originating, transferring…), as JSON
     * @param metadata    its {@code Content}, as JSON
     * @param rules       its {@code Management}, as JSON
     * @param references  the ids of the objects or groups it references
     */
    record Unit(String key, String parentKey, String level, String title, ObjectNode identifiers, ObjectNode metadata,
                ObjectNode rules, List<String> references) {
    }
}
