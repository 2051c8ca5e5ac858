package fr.acta.simulator.iparapheur;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
 * The simulator's side of the PREMIS contract: reading the draft a client sends with a new folder,
 * and writing the summary the API returns (objects with identifiers and fixity, events, agents).
 * Written independently of Acta's connector so that each checks the other.
 */
final class SimPremis {

    static final String NS = "http://www.loc.gov/premis/v3";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String RESERVED = "i_Parapheur_reserved_";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneId.of("Europe/Paris"));

    private SimPremis() {
    }

    /** A draft's object: its {@code xsi:type}, significant properties in order, and original name. */
    record DraftObject(String xsiType, Map<String, String> properties, String originalName) {
    }

    /** Reads a draft PREMIS; refuses anything that is not PREMIS v3 XML (no DTD, no entities). */
    static List<DraftObject> readDraft(byte[] xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<DraftObject> objects = new ArrayList<>();
        try {
            XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            r.nextTag();
            if (!NS.equals(r.getNamespaceURI()) || !"premis".equals(r.getLocalName())) {
                throw new SimException(400, "Le fichier « folder » n'est pas un PREMIS v3 (élément racine {"
                        + r.getNamespaceURI() + "}" + r.getLocalName() + ").");
            }
            int depth = 1;
            String xsiType = null;
            Map<String, String> props = null;
            String originalName = null;
            String propType = null;
            String propValue = null;
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    text.setLength(0);
                    if (depth == 2 && "object".equals(r.getLocalName())) {
                        xsiType = r.getAttributeValue(XSI, "type");
                        props = new LinkedHashMap<>();
                        originalName = null;
                    } else if (depth == 3 && props != null && "significantProperties".equals(r.getLocalName())) {
                        propType = null;
                        propValue = null;
                    }
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    text.append(r.getText());
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String local = r.getLocalName();
                    if (props != null && depth == 4 && "significantPropertiesType".equals(local)) {
                        propType = text.toString().strip();
                    } else if (props != null && depth == 4 && "significantPropertiesValue".equals(local)) {
                        propValue = text.toString().strip();
                    } else if (props != null && depth == 3 && "significantProperties".equals(local) && propType != null) {
                        props.put(propType, propValue == null ? "" : propValue);
                    } else if (props != null && depth == 3 && "originalName".equals(local)) {
                        originalName = text.toString().strip();
                    } else if (props != null && depth == 2 && "object".equals(local)) {
                        objects.add(new DraftObject(xsiType, props, originalName));
                        props = null;
                    }
                    text.setLength(0);
                    depth--;
                } else if (ev == XMLStreamConstants.DTD || ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new XMLStreamException("DTD");
                }
            }
        } catch (XMLStreamException e) {
            throw new SimException(400, "Le fichier PREMIS « folder » est illisible : " + e.getMessage());
        }
        return objects;
    }

    /** The folder's summary, as served on {@code /premis} and put in the ZIP. */
    static byte[] write(SimFolder f, String userId, String userName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            Writer x = new Writer(w);
            w.writeStartDocument("UTF-8", "1.0");
            w.setDefaultNamespace(NS);
            x.nl(0);
            w.writeStartElement(NS, "premis");
            w.writeDefaultNamespace(NS);
            w.writeNamespace("xsi", XSI);
            w.writeAttribute("version", "3.0");
            w.writeAttribute(XSI, "schemaLocation", NS + " http://www.loc.gov/standards/premis/v3/premis.xsd");
            x.open(1, "object");
            w.writeAttribute(XSI, "type", "intellectualEntity");
            x.identifier(2, "object", "folderId", f.id);
            Map<String, String> props = new LinkedHashMap<>();
            props.put(RESERVED + "type", f.type.name());
            props.put(RESERVED + "subtype", f.subtype.name());
            if (f.dueDate != null) {
                props.put(RESERVED + "dueDate", f.dueDate.toString());
            }
            props.putAll(f.metadata);
            x.properties(2, props);
            x.leaf(2, "originalName", f.name);
            x.close(1);
            for (SimFolder.Document d : f.documents) {
                x.open(1, "object");
                w.writeAttribute(XSI, "type", "file");
                x.identifier(2, "object", "documentId", d.id());
                x.properties(2, Map.of(RESERVED + "mainDocument", Boolean.toString(d.main())));
                x.open(2, "objectCharacteristics");
                x.open(3, "fixity");
                x.leaf(4, "messageDigestAlgorithm", "SHA-256");
                x.leaf(4, "messageDigest", d.sha256());
                x.close(3);
                x.leaf(3, "size", Long.toString(d.content().length));
                x.open(3, "format");
                x.open(4, "formatDesignation");
                x.leaf(5, "formatName", d.contentType());
                String version = SimArchive.pdfVersion(d.content());
                if (version != null) {
                    x.leaf(5, "formatVersion", version);
                }
                x.close(4);
                x.close(3);
                x.close(2);
                x.leaf(2, "originalName", d.name());
                x.close(1);
            }
            String originDesk = SimFixtures.desk(f.originDeskId).map(SimFixtures.Desk::name).orElse("");
            x.event(f.startTaskId, "START", f.startedAt, f.startAnnotation, f.startedAt == null ? null : userId,
                    originDesk);
            boolean ended = false;
            for (SimFolder.Task t : f.tasks) {
                String desk = SimFixtures.desk(t.deskId).map(SimFixtures.Desk::name).orElse("");
                String holder = SimFixtures.desk(t.deskId).map(SimFixtures.Desk::holderId).orElse(null);
                if (t.rejected) {
                    x.event(t.taskId, "REJECT", t.doneAt, t.annotation, holder, desk);
                    ended = true;
                } else if (!ended) {
                    x.event(t.taskId, t.action, t.doneAt, null, t.doneAt == null ? null : holder, desk);
                }
            }
            if (f.status == SimFolder.Status.REJECTED) {
                x.event(f.endTaskId, "DELETE", null, null, null, originDesk);
            } else {
                x.event(f.endTaskId, "ARCHIVE", null, null, null, originDesk);
            }
            if (f.startedAt != null) {
                x.agent(userId, userName);
            }
            for (SimFolder.Task t : f.tasks) {
                if (t.doneAt != null) {
                    SimFixtures.desk(t.deskId).ifPresent(d -> x.agentOnce(d.holderId(), d.holderName()));
                }
            }
            x.nl(0);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("PREMIS writing failed", e);
        }
        return out.toByteArray();
    }

    /** Indented writing helpers. */
    private static final class Writer {
        private final XMLStreamWriter w;
        private final java.util.Set<String> agents = new java.util.HashSet<>();

        Writer(XMLStreamWriter w) {
            this.w = w;
        }

        void nl(int level) throws XMLStreamException {
            w.writeCharacters("\n" + "    ".repeat(level));
        }

        void open(int level, String name) throws XMLStreamException {
            nl(level);
            w.writeStartElement(NS, name);
        }

        void close(int level) throws XMLStreamException {
            nl(level);
            w.writeEndElement();
        }

        void leaf(int level, String name, String text) throws XMLStreamException {
            nl(level);
            if (text == null || text.isEmpty()) {
                w.writeEmptyElement(NS, name);
            } else {
                w.writeStartElement(NS, name);
                w.writeCharacters(text);
                w.writeEndElement();
            }
        }

        void identifier(int level, String kind, String type, String value) throws XMLStreamException {
            open(level, kind + "Identifier");
            leaf(level + 1, kind + "IdentifierType", type);
            leaf(level + 1, kind + "IdentifierValue", value);
            close(level);
        }

        void properties(int level, Map<String, String> props) throws XMLStreamException {
            for (Map.Entry<String, String> p : props.entrySet()) {
                open(level, "significantProperties");
                leaf(level + 1, "significantPropertiesType", p.getKey());
                leaf(level + 1, "significantPropertiesValue", p.getValue());
                close(level);
            }
        }

        void event(String taskId, String type, Instant at, String note, String agentId, String role)
                throws XMLStreamException {
            open(1, "event");
            identifier(2, "event", "taskId", taskId);
            leaf(2, "eventType", type);
            leaf(2, "eventDateTime", at == null ? null : DATE.format(at));
            if (note != null && !note.isEmpty()) {
                open(2, "eventOutcomeInformation");
                open(3, "eventOutcomeDetail");
                leaf(4, "eventOutcomeDetailNote", note);
                close(3);
                close(2);
            }
            open(2, "linkingAgentIdentifier");
            leaf(3, "linkingAgentIdentifierType", "userId");
            leaf(3, "linkingAgentIdentifierValue", agentId);
            leaf(3, "linkingAgentRole", role);
            close(2);
            close(1);
        }

        void agent(String id, String name) throws XMLStreamException {
            if (!agents.add(id)) {
                return;
            }
            open(1, "agent");
            identifier(2, "agent", "userId", id);
            leaf(2, "agentName", name);
            close(1);
        }

        void agentOnce(String id, String name) {
            try {
                agent(id, name);
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
