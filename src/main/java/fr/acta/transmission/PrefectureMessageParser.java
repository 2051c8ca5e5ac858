package fr.acta.transmission;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a message of the préfecture (ARActe, anomalies, courriers, demande de pièces, lettre
 * d'observations, déféré, AR d'annulation, classification answers, return envelope). Lenient: any
 * encoding of {@link XmlText}, elements and attributes matched by local name whatever their prefix
 * or namespace, unknown codes and roots kept as they are; the text is kept as received. Safe: a
 * document with a DTD is refused before any entity is expanded; external entities are never read.
 */
public final class PrefectureMessageParser {

    /** Préfecture messages are small; a classification is well under this. */
    static final int MAX_BYTES = 20 * 1024 * 1024;
    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        FACTORY.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        FACTORY.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    private PrefectureMessageParser() {
    }

    public static PrefectureMessage parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new PrefectureMessageException("Le message de la préfecture est vide.", false, null);
        }
        if (bytes.length > MAX_BYTES) {
            throw new PrefectureMessageException("Le message de la préfecture dépasse 20 Mo : refusé.", true, null);
        }
        String text = XmlText.decode(bytes);
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(XmlText.withoutDeclaration(text)));
            try {
                return read(r, text);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new PrefectureMessageException("Le message de la préfecture n'est pas un XML lisible : "
                    + e.getMessage(), false, e);
        }
    }

    private static PrefectureMessage read(XMLStreamReader r, String text) throws XMLStreamException {
        Fields f = new Fields();
        Deque<String> path = new ArrayDeque<>();
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.DTD) {
                throw new PrefectureMessageException("Message de la préfecture refusé : il contient une DTD "
                        + "(déclarations d'entités interdites, protection contre XXE et « billion laughs »).", true, null);
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new PrefectureMessageException("Message de la préfecture refusé : il contient une référence "
                        + "à l'entité « " + r.getLocalName() + " ».", true, null);
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (path.isEmpty()) {
                    f.root = r.getLocalName();
                    f.kind = PrefectureMessage.Kind.ofRoot(f.root);
                    f.idActe = attr(r, "IDActe");
                    f.date = date(first(attr(r, "DateReception"), attr(r, "DateCourrierPref")));
                    path.push(f.root);
                } else if (startChild(r, f, path)) {
                    path.push(r.getLocalName());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String closed = path.pop();
                if (closed.equals("ActeRecu")) {
                    f.closeEcho();
                }
            }
        }
        if (f.root == null) {
            throw new PrefectureMessageException("Le message de la préfecture ne contient aucun élément.", false, null);
        }
        return new PrefectureMessage(f.kind, f.root, f.idActe, f.date, f.letterDate, f.classificationDate,
                f.anomalyCode, f.detail, f.motif, f.files, f.echo, f.siren, text);
    }

    /**
     * Handles a start tag below the root. Returns false when the element's text was read (the
     * reader is then on its end tag, which must not be popped again).
     */
    private static boolean startChild(XMLStreamReader r, Fields f, Deque<String> path) throws XMLStreamException {
        String name = r.getLocalName();
        boolean inEcho = path.contains("ActeRecu");
        boolean topLevel = path.size() == 1;
        switch (name) {
            case "ActeRecu" -> f.openEcho(attr(r, "Date"), attr(r, "NumeroInterne"), attr(r, "CodeNatureActe"));
            case "InfosCourrierPref" -> {
                f.idActe = first(f.idActe, attr(r, "IDActe"));
                f.letterDate = date(attr(r, "DateCourrierPref"));
            }
            case "IDCL", "Destinataire" -> f.siren = first(f.siren, attr(r, "SIREN"));
            case "Annexes" -> {
                if (inEcho) {
                    f.echoAnnexes = integer(attr(r, "Nombre"));
                }
            }
            default -> {
                if (inEcho && name.matches("CodeMatiere[1-5]")) {
                    f.echoMatieres.add(attr(r, "CodeMatiere"));
                    return true;
                }
                if (name.equals("NomFichier")) {
                    String file = r.getElementText().strip();
                    if (inEcho) {
                        f.echoDocument = f.echoDocument == null ? file : f.echoDocument;
                    } else {
                        f.files.add(file);
                    }
                    return false;
                }
                if (inEcho && (name.equals("Objet") || name.equals("ClassificationDateVersion"))) {
                    String value = r.getElementText().strip();
                    if (name.equals("Objet")) {
                        f.echoSubject = value;
                    } else {
                        f.echoClassificationDate = date(value);
                    }
                    return false;
                }
                if (topLevel && TOP_TEXT.contains(name)) {
                    f.topText(name, r.getElementText().strip());
                    return false;
                }
            }
        }
        return true;
    }

    private static final List<String> TOP_TEXT = List.of("Date", "Nature", "Detail", "ClassificationDateVersionEnCours",
            "DateClassification", "DateDepot", "NatureIllegalite", "Motif", "DescriptionPieces");

    private static String attr(XMLStreamReader r, String localName) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equals(localName)) {
                String value = r.getAttributeValue(i).strip();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    static LocalDate date(String value) {
        if (value == null || value.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 10));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int integer(String value) {
        try {
            return value == null ? -1 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    /** What the reading gathers. */
    private static final class Fields {
        PrefectureMessage.Kind kind;
        String root;
        String idActe;
        LocalDate date;
        LocalDate letterDate;
        LocalDate classificationDate;
        String anomalyCode;
        String detail;
        String motif;
        String siren;
        final List<String> files = new ArrayList<>();
        PrefectureMessage.EchoedActe echo;
        String[] echoAttributes;
        final List<String> echoMatieres = new ArrayList<>();
        String echoSubject;
        LocalDate echoClassificationDate;
        String echoDocument;
        int echoAnnexes = -1;

        void openEcho(String decisionDate, String number, String natureCode) {
            echoAttributes = new String[] {decisionDate, number, natureCode};
        }

        void closeEcho() {
            echo = new PrefectureMessage.EchoedActe(date(echoAttributes[0]), echoAttributes[1], echoAttributes[2],
                    echoMatieres.isEmpty() ? null : String.join(".", echoMatieres), echoSubject,
                    echoClassificationDate, echoDocument, echoAnnexes);
        }

        void topText(String name, String value) {
            switch (name) {
                case "Date", "DateDepot" -> date = first(date, date(value));
                case "DateClassification" -> {
                    date = first(date, date(value));
                    classificationDate = first(classificationDate, date(value));
                }
                case "ClassificationDateVersionEnCours" -> classificationDate = date(value);
                case "Nature" -> anomalyCode = value;
                case "Detail" -> detail = value;
                default -> motif = value;
            }
        }

        private static LocalDate first(LocalDate a, LocalDate b) {
            return a != null ? a : b;
        }
    }
}
