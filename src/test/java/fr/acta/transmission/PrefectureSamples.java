package fr.acta.transmission;

/**
 * Préfecture messages written for the tests in the format the @ctes messages take in the field
 * (element order of the ACTES 1.1 schema, ODT-VERIF details, prefixes as préfectures write them).
 */
final class PrefectureSamples {

    static final String NS = "http://www.interieur.gouv.fr/ACTES#v1.1-20040216";
    static final String ID = "069-210690004-20250312-DEL_2025_014-DE";

    private PrefectureSamples() {
    }

    static String acteRecu(String tag) {
        return """
                  <actes:%1$s actes:CodeNatureActe="1" actes:Date="2025-03-12" actes:NumeroInterne="DEL_2025_014">
                    <actes:CodeMatiere1 actes:CodeMatiere="9"/>
                    <actes:CodeMatiere2 actes:CodeMatiere="1"/>
                    <actes:Objet>Délibération relative à l’éclairage public – œuvre d’art</actes:Objet>
                    <actes:ClassificationDateVersion>2025-01-10</actes:ClassificationDateVersion>
                    <actes:Document><actes:NomFichier>99_DE-069-210690004-20250312-DEL_2025_014-DE-1-1_1.pdf</actes:NomFichier></actes:Document>
                    <actes:Annexes actes:Nombre="1"><actes:Annexe><actes:NomFichier>99_AU-069-210690004-20250312-DEL_2025_014-DE-1-1_2.pdf</actes:NomFichier></actes:Annexe></actes:Annexes>
                    <actes:DocumentPapier>N</actes:DocumentPapier>
                  </actes:%1$s>
                """.formatted(tag);
    }

    /** An ARActe as windows-1252, without the insee namespace (as some préfectures send it). */
    static String arActe() {
        return "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\r\n"
                + "<actes:ARActe xmlns:actes=\"" + NS + "\" actes:IDActe=\"" + ID + "\" actes:DateReception=\"2025-03-14\">\r\n"
                + acteRecu("ActeRecu")
                + "  <actes:ClassificationDateVersionEnCours>2025-02-01</actes:ClassificationDateVersionEnCours>\r\n"
                + "</actes:ARActe>\r\n";
    }

    static String anomalieActe() {
        return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                + "<actes:AnomalieActe xmlns:actes=\"" + NS + "\" xmlns:insee=\"http://xml.insee.fr/schema\">\n"
                + "  <actes:Date>2025-03-14</actes:Date>\n  <actes:Nature>002</actes:Nature>\n"
                + "  <actes:Detail>ODT-VERIF-01 : Votre acte a été transmis avec une date de classification qui n'est pas à jour</actes:Detail>\n"
                + acteRecu("ActeRecu")
                + "  <actes:ClassificationDateVersionEnCours>2025-02-01</actes:ClassificationDateVersionEnCours>\n"
                + "</actes:AnomalieActe>\n";
    }

    static String anomalieEnveloppe() {
        return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                + "<actes:AnomalieEnveloppe xmlns:actes=\"" + NS + "\" xmlns:insee=\"http://xml.insee.fr/schema\">\n"
                + "  <actes:Date>2025-03-14</actes:Date>\n  <actes:Nature>999</actes:Nature>\n"
                + "  <actes:Detail>ODT-VERIF-17 : La transaction que vous avez envoyé n'est pas reconnu dans l'application ACTES</actes:Detail>\n"
                + "  <actes:EnveloppeRecue>\n"
                + "    <actes:Emetteur><actes:IDCL insee:SIREN=\"210690004\" actes:Departement=\"069\" actes:Arrondissement=\"1\" actes:Nature=\"31\"/></actes:Emetteur>\n"
                + "    <actes:AdressesRetour><actes:Email>actes@valmont.fr</actes:Email></actes:AdressesRetour>\n"
                + "    <actes:FormulairesEnvoyes><actes:Formulaire><actes:NomFichier>069-210690004-20250312-DEL_2025_014-DE-1-1_0.xml</actes:NomFichier></actes:Formulaire></actes:FormulairesEnvoyes>\n"
                + "  </actes:EnveloppeRecue>\n</actes:AnomalieEnveloppe>\n";
    }

    /** Courrier simple, demande de pièces, lettre d'observations: one document, some with a text. */
    static String courrier(String root, String textElement, String text) {
        return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                + "<actes:" + root + " xmlns:actes=\"" + NS + "\" actes:IDActe=\"" + ID + "\" actes:DateCourrierPref=\"2025-04-02\">\n"
                + (textElement == null ? "" : "  <actes:" + textElement + ">" + text + "</actes:" + textElement + ">\n")
                + "  <actes:Document><actes:NomFichier>069-210690004-20250312-DEL_2025_014-DE-" + flux(root) + "_1.pdf</actes:NomFichier></actes:Document>\n"
                + "</actes:" + root + ">\n";
    }

    private static String flux(String root) {
        return switch (root) {
            case "CourrierSimple" -> "2-1";
            case "DemandePieceComplementaire" -> "3-1";
            default -> "4-1";
        };
    }

    static String defere() {
        return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                + "<actes:DefereTA xmlns:actes=\"" + NS + "\" actes:IDActe=\"" + ID + "\">\n"
                + "  <actes:DateDepot>2025-05-20</actes:DateDepot>\n"
                + "  <actes:NatureIllegalite>Incompétence de l'auteur de l'acte</actes:NatureIllegalite>\n"
                + "  <actes:PiecesJointes><actes:PieceJointe><actes:NomFichier>requete.pdf</actes:NomFichier></actes:PieceJointe>"
                + "<actes:PieceJointe><actes:NomFichier>memoire.pdf</actes:NomFichier></actes:PieceJointe></actes:PiecesJointes>\n"
                + "</actes:DefereTA>\n";
    }

    static String arAnnulation() {
        return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<actes:ARAnnulation xmlns:actes=\"" + NS
                + "\" actes:IDActe=\"" + ID + "\" actes:DateReception=\"2025-06-03\"/>\n";
    }

    static String arReponse(String root) {
        return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<actes:" + root + " xmlns:actes=\"" + NS
                + "\" actes:DateReception=\"2025-04-10\">\n  <actes:InfosCourrierPref actes:IDActe=\"" + ID
                + "\" actes:DateCourrierPref=\"2025-04-02\"/>\n</actes:" + root + ">\n";
    }

    static String sansChangement() {
        return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<actes:ReponseClassificationSansChangement xmlns:actes=\""
                + NS + "\">\n  <actes:DateClassification>2025-02-01</actes:DateClassification>\n"
                + "</actes:ReponseClassificationSansChangement>\n";
    }

    static String enveloppePrefecture() {
        return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<actes:EnveloppeMISILLCL xmlns:actes=\"" + NS
                + "\" xmlns:insee=\"http://xml.insee.fr/schema\">\n"
                + "  <actes:Emetteur><actes:IDPref actes:Departement=\"069\"/></actes:Emetteur>\n"
                + "  <actes:FormulairesEnvoyes><actes:Formulaire><actes:NomFichier>069-210690004-20250312-DEL_2025_014-DE-2-1_1.xml</actes:NomFichier></actes:Formulaire></actes:FormulairesEnvoyes>\n"
                + "  <actes:Destinataire insee:SIREN=\"210690004\"/>\n</actes:EnveloppeMISILLCL>\n";
    }
}
