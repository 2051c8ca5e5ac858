package fr.acta.seda;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything one act's {@code ArchiveTransfer} is made of.
 *
 * @param messageIdentifier  the transfer's identifier, unique for the archive
 * @param archivalAgreement  the archive's agreement (Vitam: the ingest contract), or null
 * @param archivalAgency     the identifier of the archive service (service d'archives)
 * @param transferringAgency the identifier of the service that transfers (service versant)
 * @param originatingAgency  the collectivité that produced the act (service producteur)
 * @param act                the act's descriptive metadata
 * @param rules              the act's management rules
 * @param objects            the files, in order; exactly one is the act itself
 */
public record SedaTransferRequest(String messageIdentifier, String archivalAgreement, String archivalAgency,
                                  String transferringAgency, OriginatingAgency originatingAgency, Act act,
                                  ManagementRules rules, List<DataObject> objects) {

    public SedaTransferRequest {
        objects = objects == null ? List.of() : List.copyOf(objects);
    }

    /**
     * @param siren the collectivité's SIREN (9 digits), its identifier towards the archive
     * @param name  its name, e.g. {@code Commune de Valmont-sur-Saône}
     */
    public record OriginatingAgency(String siren, String name) {
    }

    /**
     * @param objet              the act's objet (its title)
     * @param nature             the @ctes nature: {@code DE}, {@code AR}, {@code AI}, {@code CC}, {@code BF}, {@code AU}
     * @param matiere            the matière code of the préfecture's classification, e.g. {@code 9.1}, or null
     * @param matiereLabel       the matière's label, or null
     * @param numero             the act's numéro interne
     * @param decisionDate       the date of the decision
     * @param idActe             the act's IDActe, or null when it was not transmitted
     * @param transmissionDate   the day it was sent to the préfecture, or null
     * @param acknowledgementDate the day the préfecture received it (ARActe), or null
     * @param actaId             Acta's own identifier of the act, or null
     */
    public record Act(String objet, String nature, String matiere, String matiereLabel, String numero,
                      LocalDate decisionDate, String idActe, LocalDate transmissionDate,
                      LocalDate acknowledgementDate, String actaId) {
    }

    /**
     * One file of the transfer.
     *
     * @param role     what the file is to the act
     * @param title    the title of its archive unit; when blank, the role's label and the file name
     * @param fileName the file's own name, kept in {@code FileInfo/Filename}
     * @param content  its bytes (not empty)
     */
    public record DataObject(ObjectRole role, String title, String fileName, byte[] content) {

        @Override
        public String toString() {
            return "DataObject[" + role + ", " + fileName + ", " + (content == null ? 0 : content.length) + " bytes]";
        }
    }
}
