package fr.acta.classification;

import fr.acta.common.ValidationException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an @ctes {@code RetourClassification} as préfectures send it: ISO-8859-1, windows-1252 or
 * UTF-8, with or without an XML declaration, CRLF line ends, attributes with or without their
 * {@code actes:} prefix. Elements are matched by local name. DTDs and external entities are refused.
 */
final class RetourClassificationParser {

    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        FACTORY.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    private RetourClassificationParser() {
    }

    /** Parses the bytes; the decoded text is returned too, to be kept as received. */
    static Parsed parse(byte[] bytes) {
        String text = decode(bytes);
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(reader(text));
            try {
                return new Parsed(read(r), text);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw ValidationException.of("body", "Le fichier de classification n'est pas un XML valide (DTD et entités externes refusées).");
        }
    }

    private static ClassificationView read(XMLStreamReader r) throws XMLStreamException {
        LocalDate date = null;
        boolean rootSeen = false;
        List<ClassificationView.Nature> natures = new ArrayList<>();
        List<ClassificationView.Typology> typologies = null;
        String[] nature = null;
        Deque<MatiereBuilder> stack = new ArrayDeque<>();
        List<ClassificationView.Matiere> roots = new ArrayList<>();
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.DTD) {
                throw ValidationException.of("body", "Le fichier de classification ne doit pas contenir de DTD.");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                if (!rootSeen) {
                    if (!name.equals("RetourClassification")) {
                        throw ValidationException.of("body", "L'élément racine doit être RetourClassification (reçu : " + name + ").");
                    }
                    rootSeen = true;
                } else if (name.equals("DateClassification")) {
                    String value = r.getElementText().strip();
                    try {
                        date = LocalDate.parse(value);
                    } catch (DateTimeParseException e) {
                        throw ValidationException.of("DateClassification", "Date de classification invalide : " + value);
                    }
                } else if (name.equals("NatureActe")) {
                    nature = new String[] {attr(r, "CodeNatureActe"), attr(r, "TypeAbrege"), attr(r, "Libelle")};
                    typologies = new ArrayList<>();
                } else if (name.equals("TypePJNatureActe") && typologies != null) {
                    typologies.add(new ClassificationView.Typology(attr(r, "CodeTypePJ"), attr(r, "Libelle")));
                } else if (name.matches("Matiere[1-5]")) {
                    String local = attr(r, "CodeMatiere");
                    String code = stack.isEmpty() ? local : stack.peek().code + "." + local;
                    stack.push(new MatiereBuilder(code, attr(r, "Libelle")));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = r.getLocalName();
                if (name.equals("NatureActe") && nature != null) {
                    natures.add(new ClassificationView.Nature(nature[0], nature[1], nature[2], List.copyOf(typologies)));
                    nature = null;
                    typologies = null;
                } else if (name.matches("Matiere[1-5]")) {
                    MatiereBuilder done = stack.pop();
                    ClassificationView.Matiere m = new ClassificationView.Matiere(done.code, done.label,
                            List.copyOf(done.children));
                    if (stack.isEmpty()) {
                        roots.add(m);
                    } else {
                        stack.peek().children.add(m);
                    }
                }
            }
        }
        if (date == null) {
            throw ValidationException.of("DateClassification", "La date de classification (DateClassification) est absente.");
        }
        if (natures.isEmpty() || roots.isEmpty()) {
            throw ValidationException.of("body", "La classification doit contenir des natures d'actes et des matières.");
        }
        return new ClassificationView(date, List.copyOf(natures), List.copyOf(roots));
    }

    private static String attr(XMLStreamReader r, String localName) throws XMLStreamException {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equals(localName)) {
                return r.getAttributeValue(i).strip();
            }
        }
        throw ValidationException.of(r.getLocalName() + "@" + localName,
                "Attribut " + localName + " absent sur l'élément " + r.getLocalName() + ".");
    }

    /** The declared encoding when there is a declaration; otherwise UTF-8, falling back to windows-1252. */
    static String decode(byte[] bytes) {
        int offset = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        String head = new String(bytes, offset, Math.min(200, bytes.length - offset), StandardCharsets.ISO_8859_1);
        Charset declared = null;
        var m = java.util.regex.Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']")
                .matcher(head);
        if (m.find()) {
            try {
                declared = Charset.forName(m.group(1));
            } catch (IllegalArgumentException e) {
                throw ValidationException.of("body", "Encodage XML inconnu : " + m.group(1));
            }
        }
        if (declared != null && declared.equals(StandardCharsets.ISO_8859_1)) {
            declared = Charset.forName("windows-1252");
        }
        Charset first = declared != null ? declared : StandardCharsets.UTF_8;
        try {
            return first.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, offset, bytes.length - offset, Charset.forName("windows-1252"));
        }
    }

    private static Reader reader(String text) {
        // The text is already decoded: drop the declaration's encoding so the parser does not re-decode.
        return new StringReader(text.replaceFirst("^\\s*<\\?xml[^>]*\\?>", ""));
    }

    private static final class MatiereBuilder {
        final String code;
        final String label;
        final List<ClassificationView.Matiere> children = new ArrayList<>();

        MatiereBuilder(String code, String label) {
            this.code = code;
            this.label = label;
        }
    }

    record Parsed(ClassificationView view, String text) {
    }

}
