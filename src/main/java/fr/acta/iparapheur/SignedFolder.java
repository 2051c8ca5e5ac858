package fr.acta.iparapheur;

import java.util.List;
import java.util.Map;

/**
 * The content of a folder's ZIP: the documents as the i-Parapheur returns them (signed main
 * documents, annexes, detached signatures), the bordereau, the PREMIS summary, and the ZIP itself so
 * that the caller can keep it whole as evidence.
 *
 * @param status             the state read from the PREMIS inside the ZIP
 * @param mainDocuments      files of {@code Documents principaux/} described as main documents
 * @param detachedSignatures other files of {@code Documents principaux/} (detached signatures)
 * @param bordereau          {@code <folder name>_bordereau.pdf} at the root, or null if absent
 * @param premis             {@code i_Parapheur_internal_premis.xml}, byte for byte
 * @param zipSha256          SHA-256 of the whole ZIP as downloaded: the caller stores the ZIP, then
 *                           proves it with this value to obtain a {@link DeletionPermit}
 * @param warnings           French notes on anything unexpected that did not prevent reading
 */
public record SignedFolder(String folderId, String name, Map<String, String> metadata, FolderStatus status,
                           List<SignedDocument> mainDocuments, List<SignedDocument> annexes,
                           List<SignedDocument> detachedSignatures, SignedDocument bordereau, byte[] premis,
                           byte[] zip, String zipSha256, List<String> warnings) {

    public SignedFolder {
        metadata = Map.copyOf(metadata);
        mainDocuments = List.copyOf(mainDocuments);
        annexes = List.copyOf(annexes);
        detachedSignatures = List.copyOf(detachedSignatures);
        warnings = List.copyOf(warnings);
    }

    @Override
    public String toString() {
        return "SignedFolder[" + folderId + ", " + name + ", " + status.state() + ", main=" + mainDocuments
                + ", annexes=" + annexes + ", bordereau=" + bordereau + ", zip=" + zip.length + " octets, sha256="
                + zipSha256 + ", warnings=" + warnings + "]";
    }
}
