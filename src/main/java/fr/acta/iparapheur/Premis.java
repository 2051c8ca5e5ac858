package fr.acta.iparapheur;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * The PREMIS v3 documents of the i-Parapheur v5 API: the draft sent with a new folder, and the
 * summary it returns (same structure, plus identifiers, fixity and events). Reading is fail-safe, as
 * the API asks: unknown elements and values are skipped or kept verbatim. No DTD, no external entity.
 */
final class Premis {

    static final String NS = "http://www.loc.gov/premis/v3";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String SCHEMA_LOCATION = NS + " http://www.loc.gov/standards/premis/v3/premis.xsd";
    static final String TYPE = "i_Parapheur_reserved_type";
    static final String SUBTYPE = "i_Parapheur_reserved_subtype";
    static final String DUE_DATE = "i_Parapheur_reserved_dueDate";
    static final String MAIN_DOCUMENT = "i_Parapheur_reserved_mainDocument";
    static final String RESERVED_PREFIX = "i_Parapheur_reserved_";

    /** The i-Parapheur writes event dates as {@code 2025-01-31T11:19:32.725+0100}; ISO with a colon is accepted too. */
    private static final DateTimeFormatter EVENT_DATE = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd().toFormatter();

    private Premis() {
    }

    /** A file object of a PREMIS. {@code sha256} is the SHA-256 fixity if present (lower case hex). */
    record FileObject(String documentId, String originalName, boolean main, String sha256, Long size,
                      String formatName, boolean detachedSignature) {
    }

    /** What Acta reads from a PREMIS summary. {@code properties} are the folder's significant properties. */
    record Content(String folderId, String folderName, Map<String, String> properties, List<FileObject> files,
                   List<PremisEvent> events) {

        Map<String, String> metadata() {
            Map<String, String> m = new LinkedHashMap<>();
            properties.forEach((k, v) -> {
                if (!k.startsWith(RESERVED_PREFIX)) {
                    m.put(k, v);
                }
            });
            return m;
        }
    }

    // ------------------------------------------------------------------------------------- writing

    /**
     * The draft PREMIS of a new folder: one intellectual entity (type, subtype, due date, metadata,
     * name) and one file object per document, main first, each named as its multipart file.
     */
    static byte[] draft(String folderName, String type, String subtype, LocalDate dueDate,
                        Map<String, String> metadata, List<String> mainNames, List<String> annexNames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.setDefaultNamespace(NS);
            w.writeStartElement(NS, "premis");
            w.writeDefaultNamespace(NS);
            w.writeNamespace("xsi", XSI);
            w.writeAttribute(XSI, "schemaLocation", SCHEMA_LOCATION);
            w.writeAttribute("version", "3.0");
            Map<String, String> props = new LinkedHashMap<>();
            props.put(TYPE, type);
            props.put(SUBTYPE, subtype);
            if (dueDate != null) {
                props.put(DUE_DATE, dueDate.toString());
            }
            metadata.forEach(props::put);
            writeObject(w, "intellectualEntity", props, folderName);
            for (String name : mainNames) {
                writeObject(w, "file", Map.of(MAIN_DOCUMENT, "true"), name);
            }
            for (String name : annexNames) {
                writeObject(w, "file", Map.of(MAIN_DOCUMENT, "false"), name);
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("PREMIS writing failed", e);
        }
        return out.toByteArray();
    }

    private static void writeObject(XMLStreamWriter w, String xsiType, Map<String, String> props, String name)
            throws XMLStreamException {
        w.writeCharacters("\n  ");
        w.writeStartElement(NS, "object");
        w.writeAttribute(XSI, "type", xsiType);
        for (Map.Entry<String, String> p : props.entrySet()) {
            w.writeCharacters("\n    ");
            w.writeStartElement(NS, "significantProperties");
            element(w, "\n      ", "significantPropertiesType", p.getKey());
            element(w, "\n      ", "significantPropertiesValue", p.getValue());
            w.writeCharacters("\n    ");
            w.writeEndElement();
        }
        element(w, "\n    ", "originalName", name);
        w.writeCharacters("\n  ");
        w.writeEndElement();
    }

    private static void element(XMLStreamWriter w, String indent, String name, String text) throws XMLStreamException {
        w.writeCharacters(indent);
        w.writeStartElement(NS, name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    // ------------------------------------------------------------------------------------- reading

    /** A parsed element: local name, {@code xsi:type}, text, children. */
    private record Node(String name, String xsiType, StringBuilder text, List<Node> children) {

        Node child(String local) {
            return children.stream().filter(c -> c.name.equals(local)).findFirst().orElse(null);
        }

        List<Node> all(String local) {
            return children.stream().filter(c -> c.name.equals(local)).toList();
        }

        String value(String... path) {
            Node n = this;
            for (String p : path) {
                n = n.child(p);
                if (n == null) {
                    return null;
                }
            }
            String t = n.text.toString().strip();
            return t.isEmpty() ? null : t;
        }
    }

    static Content read(byte[] xml) {
        Node root = parse(xml);
        if (!"premis".equals(root.name)) {
            throw new IparapheurException(IparapheurException.Kind.PROTOCOL, 0,
                    "Le document reçu du i-Parapheur n'est pas un PREMIS (élément racine « " + root.name + " »).");
        }
        String folderId = null;
        String folderName = null;
        Map<String, String> properties = new LinkedHashMap<>();
        List<FileObject> files = new ArrayList<>();
        for (Node object : root.all("object")) {
            Map<String, String> props = new LinkedHashMap<>();
            for (Node p : object.all("significantProperties")) {
                String key = p.value("significantPropertiesType");
                if (key != null) {
                    String v = p.value("significantPropertiesValue");
                    props.put(key, v == null ? "" : v);
                }
            }
            String id = object.value("objectIdentifier", "objectIdentifierValue");
            if ("intellectualEntity".equals(object.xsiType)) {
                folderId = id;
                folderName = object.value("originalName");
                properties.putAll(props);
            } else if ("file".equals(object.xsiType)) {
                Node characteristics = object.child("objectCharacteristics");
                String sha256 = null;
                Long size = null;
                String format = null;
                if (characteristics != null) {
                    for (Node fixity : characteristics.all("fixity")) {
                        if ("SHA-256".equalsIgnoreCase(fixity.value("messageDigestAlgorithm"))) {
                            String digest = fixity.value("messageDigest");
                            sha256 = digest == null ? null : digest.toLowerCase(java.util.Locale.ROOT);
                        }
                    }
                    size = parseLong(characteristics.value("size"));
                    format = characteristics.value("format", "formatDesignation", "formatName");
                }
                files.add(new FileObject(id, object.value("originalName"),
                        "true".equalsIgnoreCase(props.get(MAIN_DOCUMENT)), sha256, size, format,
                        object.child("signatureInformation") != null));
            }
        }
        Map<String, String> agents = new LinkedHashMap<>();
        for (Node agent : root.all("agent")) {
            String id = agent.value("agentIdentifier", "agentIdentifierValue");
            if (id != null) {
                agents.put(id, agent.value("agentName"));
            }
        }
        List<PremisEvent> events = new ArrayList<>();
        for (Node event : root.all("event")) {
            String agentId = event.value("linkingAgentIdentifier", "linkingAgentIdentifierValue");
            String date = event.value("eventDateTime");
            events.add(new PremisEvent(event.value("eventIdentifier", "eventIdentifierValue"),
                    event.value("eventType"), parseDate(date), date != null,
                    event.value("eventOutcomeInformation", "eventOutcomeDetail", "eventOutcomeDetailNote"),
                    agentId, agentId == null ? null : agents.get(agentId),
                    event.value("linkingAgentIdentifier", "linkingAgentRole")));
        }
        return new Content(folderId, folderName, properties, files, events);
    }

    private static Node parse(byte[] xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            Deque<Node> stack = new ArrayDeque<>();
            Node root = null;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    Node n = new Node(r.getLocalName(), r.getAttributeValue(XSI, "type"), new StringBuilder(),
                            new ArrayList<>());
                    if (stack.isEmpty()) {
                        root = n;
                    } else {
                        stack.peek().children.add(n);
                    }
                    stack.push(n);
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    stack.pop();
                } else if ((ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) && !stack.isEmpty()) {
                    stack.peek().text.append(r.getText());
                } else if (ev == XMLStreamConstants.DTD || ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new XMLStreamException("DTD and entities are not accepted");
                }
            }
            r.close();
            if (root == null) {
                throw new XMLStreamException("empty document");
            }
            return root;
        } catch (XMLStreamException e) {
            throw new IparapheurException(IparapheurException.Kind.PROTOCOL, 0,
                    "Le PREMIS reçu du i-Parapheur est illisible : " + e.getMessage(), e);
        }
    }

    static OffsetDateTime parseDate(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value, EVENT_DATE);
        } catch (DateTimeParseException e) {
            return null; // fail-safe: the event still counts as performed (PremisEvent.dated)
        }
    }

    private static Long parseLong(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
