package fr.acta.transmission;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the two XMLs of a transmission package, in ISO-8859-1, in the schema's element order, with
 * namespace-qualified attributes. Text is NFC-normalised and typographic characters that ISO-8859-1
 * lacks become their plain equivalents (’ → ', œ → oe, € → EUR…); anything else outside ISO-8859-1
 * is written as a character reference by the writer, so no character is lost.
 */
final class ActesXml {

    static final String NS = "http://www.interieur.gouv.fr/ACTES#v1.1-20040216";
    static final String INSEE = "http://xml.insee.fr/schema";
    static final String ENCODING = "ISO-8859-1";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private ActesXml() {
    }

    /** The envelope {@code EnveloppeCLMISILL} naming the métier message {@code acteName}. */
    static byte[] envelope(ActesPackageRequest r, String acteName) {
        return write(w -> {
            w.writeStartElement("actes", "EnveloppeCLMISILL", NS);
            w.writeNamespace("actes", NS);
            w.writeNamespace("insee", INSEE);
            w.writeStartElement("actes", "Emetteur", NS);
            w.writeEmptyElement("actes", "IDCL", NS);
            w.writeAttribute("insee", INSEE, "SIREN", r.siren());
            w.writeAttribute("actes", NS, "Departement", r.departement());
            w.writeAttribute("actes", NS, "Arrondissement", r.arrondissement());
            w.writeAttribute("actes", NS, "Nature", r.sender().collectiviteNature());
            ActesSender s = r.sender();
            if (s.hasReferent()) {
                w.writeStartElement("actes", "Referent", NS);
                optional(w, "Nom", s.referentName());
                optional(w, "Telephone", s.referentPhone());
                optional(w, "Email", s.referentEmail());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeStartElement("actes", "AdressesRetour", NS);
            for (String email : s.returnEmails()) {
                text(w, "Email", email.strip());
            }
            w.writeEndElement();
            w.writeStartElement("actes", "FormulairesEnvoyes", NS);
            w.writeStartElement("actes", "Formulaire", NS);
            text(w, "NomFichier", acteName);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    /** The métier message {@code Acte} (flow 1-1). */
    static byte[] acte(ActesPackageRequest r, String mainName, List<String> annexNames) {
        return write(w -> {
            w.writeStartElement("actes", "Acte", NS);
            w.writeNamespace("actes", NS);
            w.writeNamespace("insee", INSEE);
            w.writeAttribute("actes", NS, "Date", DateTimeFormatter.ISO_LOCAL_DATE.format(r.decisionDate()));
            w.writeAttribute("actes", NS, "NumeroInterne", r.number());
            w.writeAttribute("actes", NS, "CodeNatureActe", r.nature().code());
            String[] levels = r.classification().split("\\.");
            for (int i = 0; i < levels.length; i++) {
                w.writeEmptyElement("actes", "CodeMatiere" + (i + 1), NS);
                w.writeAttribute("actes", NS, "CodeMatiere", String.valueOf(Integer.parseInt(levels[i])));
            }
            text(w, "Objet", latin1(r.subject().strip()));
            if (r.previousIdActe() != null) {
                w.writeEmptyElement("actes", "PrecedentIdentifiantActe", NS);
                w.writeAttribute("actes", NS, "IDActe", r.previousIdActe());
            }
            text(w, "ClassificationDateVersion", DateTimeFormatter.ISO_LOCAL_DATE.format(r.classificationDate()));
            w.writeStartElement("actes", "Document", NS);
            text(w, "NomFichier", mainName);
            w.writeEndElement();
            w.writeStartElement("actes", "Annexes", NS);
            w.writeAttribute("actes", NS, "Nombre", String.valueOf(annexNames.size()));
            for (String annex : annexNames) {
                w.writeStartElement("actes", "Annexe", NS);
                text(w, "NomFichier", annex);
                w.writeEndElement();
            }
            w.writeEndElement();
            text(w, "DocumentPapier", r.paperDocuments() ? "O" : "N");
            w.writeEndElement();
        });
    }

    /** NFC, then the usual typographic characters that ISO-8859-1 lacks replaced by plain ones. */
    static String latin1(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u2032' -> out.append('\'');
                case '\u201C', '\u201D', '\u201E', '\u2033' -> out.append('"');
                case '\u2013', '\u2014', '\u2010', '\u2011', '\u2212' -> out.append('-');
                case '\u2026' -> out.append("...");
                case '\u0153' -> out.append("oe");
                case '\u0152' -> out.append("OE");
                case '\u20AC' -> out.append("EUR");
                case '\u202F', '\u2009', '\u2007' -> out.append('\u00A0');
                case '\t' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void optional(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        if (ActesSender.present(value)) {
            text(w, name, latin1(value.strip()));
        }
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement("actes", name, NS);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, ENCODING);
            w.writeStartDocument(ENCODING, "1.0");
            w.writeCharacters("\n");
            body.write(w);
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new ActesPackageException("Écriture XML du paquet @ctes impossible : " + e.getMessage(), e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** The text of an XML this class wrote. */
    static String decode(byte[] xml) {
        return new String(xml, StandardCharsets.ISO_8859_1);
    }
}
