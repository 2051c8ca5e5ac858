package fr.acta.transmission;

import java.time.LocalDate;
import java.util.List;

/**
 * A built @ctes package, to be sent and kept with the act as proof of what was sent.
 *
 * @param idActe       the act's identifier as the préfecture will return it
 * @param sendingDate  the day the envelope is dated (Europe/Paris)
 * @param serial       the envelope serial of that SIREN on that day
 * @param archiveName  {@code {TRI}-EACT--{SIREN}--{YYYYMMDD}-{serial}.tar.gz}
 * @param envelopeName {@code EACT--{SIREN}--{YYYYMMDD}-{serial}.xml}
 * @param acteName     {@code {DEPT}-{SIREN}-{DATE}-{NUM}-{NAT}-1-1_0.xml}
 * @param envelopeXml  the envelope, ISO-8859-1, as in the archive
 * @param acteXml      the métier message, ISO-8859-1, as in the archive
 * @param documents    the documents in archive order: main document first, then the annexes
 * @param archive      the {@code .tar.gz} bytes
 */
public record ActesPackage(String idActe, LocalDate sendingDate, int serial, String archiveName,
                           String envelopeName, String acteName, byte[] envelopeXml, byte[] acteXml,
                           List<Document> documents, byte[] archive) {

    /**
     * One document of the package.
     *
     * @param name         its name in the archive
     * @param codeTypePj   its typology
     * @param originalName the name it was given to the builder
     * @param sha256       hex SHA-256 of its bytes
     * @param size         its size in bytes
     */
    public record Document(String name, String codeTypePj, String originalName, String sha256, long size) {
    }

    /** Every file name of the archive, in archive order. */
    public List<String> fileNames() {
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        names.add(envelopeName);
        names.add(acteName);
        documents.forEach(d -> names.add(d.name()));
        return List.copyOf(names);
    }

    @Override
    public String toString() {
        return "ActesPackage[" + archiveName + ", " + idActe + ", " + documents.size() + " documents, "
                + archive.length + " bytes]";
    }
}
