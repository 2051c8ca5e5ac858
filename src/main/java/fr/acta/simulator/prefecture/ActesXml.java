package fr.acta.simulator.prefecture;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reading and writing ACTES v1.1 XML: namespace-qualified elements and attributes, ISO-8859-1.
 * Reading refuses DTDs and external entities, and is lenient otherwise (by local name and namespace).
 */
final class ActesXml {

    static final String NS = "http://www.interieur.gouv.fr/ACTES#v1.1-20040216";
    static final String INSEE = "http://xml.insee.fr/schema";

    private ActesXml() {
    }

    /** Parses a document; null when it is not well-formed XML (or declares a DTD). */
    static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            return null;
        }
    }

    /** An attribute by local name, in the ACTES namespace or without one. */
    static String attr(Element e, String localName) {
        if (e == null) {
            return null;
        }
        if (e.hasAttributeNS(NS, localName)) {
            return e.getAttributeNS(NS, localName);
        }
        return e.hasAttribute(localName) ? e.getAttribute(localName) : null;
    }

    static Element child(Element parent, String localName) {
        for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    static List<Element> descendants(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        var list = parent.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < list.getLength(); i++) {
            found.add((Element) list.item(i));
        }
        return found;
    }

    static String text(Element parent, String localName) {
        Element e = child(parent, localName);
        return e == null ? null : e.getTextContent().strip();
    }

    /** A streaming writer of one ACTES document in ISO-8859-1 (characters outside it become references). */
    static final class Writer {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final XMLStreamWriter w;

        Writer(String root) {
            try {
                w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "ISO-8859-1");
                w.writeStartDocument("ISO-8859-1", "1.0");
                w.writeCharacters("\n");
                w.setPrefix("actes", NS);
                w.setPrefix("insee", INSEE);
                w.writeStartElement("actes", root, NS);
                w.writeNamespace("actes", NS);
                w.writeNamespace("insee", INSEE);
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }

        Writer attr(String name, String value) {
            return run(() -> w.writeAttribute("actes", NS, name, value));
        }

        Writer inseeAttr(String name, String value) {
            return run(() -> w.writeAttribute("insee", INSEE, name, value));
        }

        Writer start(String name) {
            return run(() -> w.writeStartElement("actes", name, NS));
        }

        Writer end() {
            return run(w::writeEndElement);
        }

        Writer empty(String name, String attribute, String value) {
            return run(() -> {
                w.writeEmptyElement("actes", name, NS);
                w.writeAttribute("actes", NS, attribute, value);
            });
        }

        Writer element(String name, String text) {
            return run(() -> {
                w.writeStartElement("actes", name, NS);
                w.writeCharacters(text == null ? "" : text);
                w.writeEndElement();
            });
        }

        /** A {@code FichierSigne}: the element with its {@code NomFichier}. */
        Writer file(String name, String fileName) {
            return start(name).element("NomFichier", fileName).end();
        }

        byte[] bytes() {
            run(() -> {
                w.writeEndDocument();
                w.flush();
                w.close();
            });
            return out.toByteArray();
        }

        private Writer run(XmlStep step) {
            try {
                step.run();
                return this;
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }

        private interface XmlStep {
            void run() throws XMLStreamException;
        }
    }
}
