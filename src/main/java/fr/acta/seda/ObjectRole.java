package fr.acta.seda;

/** What a file of the transfer is to the act; gives the French title of its archive unit. */
public enum ObjectRole {
    SIGNED_ACT("Acte"),
    ANNEX("Annexe"),
    SIGNATURE_BORDEREAU("Bordereau de signature"),
    VALIDATION_REPORT("Rapport de validation des signatures (ETSI)"),
    ACTES_PACKAGE("Paquet de transmission @ctes"),
    ARACTE("Accusé de réception de la préfecture (ARActe)"),
    STAMPED_COPY("Copie tamponnée par la préfecture"),
    HISTORY("Historique de l'acte"),
    OTHER("Document");

    private final String label;

    ObjectRole(String label) {
        this.label = label;
    }

    /** The French label, used as the unit's {@code DocumentType} and default title. */
    public String label() {
        return label;
    }
}
