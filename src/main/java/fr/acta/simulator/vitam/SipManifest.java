package fr.acta.simulator.vitam;

import fr.acta.seda.SedaVersion;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What the simulator needs from an {@code ArchiveTransfer} manifest, read with StAX by local names
 * after the schema has accepted it: identifiers, agencies, the binary objects with their digests, and
 * the archive units with their descriptive fields (the text children of {@code Content}).
 */
record SipManifest(SedaVersion version, String messageIdentifier, String archivalAgreement, String comment,
                   String archivalAgency, String transferringAgency, String originatingAgency,
                   List<DataObject> objects, List<Unit> units) {

    record DataObject(String id, String groupId, String uri, String algorithm, String digest, Long size,
                      String usage, String filename, String mimeType) {
    }

    record Unit(String id, String parentId, Map<String, List<String>> content, List<String> references) {
    }

    private static final XMLInputFactory FACTORY = factory();
    private static final java.util.Set<String> HEADER = java.util.Set.of("Comment", "Date", "MessageIdentifier",
            "ArchivalAgreement");
    private static final java.util.Set<String> OBJECT_FIELDS = java.util.Set.of("Uri", "Size", "DataObjectVersion",
            "DataObjectGroupId", "DataObjectGroupReferenceId", "Filename", "MimeType");

    /** The version from the root's namespace, or null when it is none of SEDA 2.1, 2.2, 2.3. */
    static SedaVersion version(byte[] xml) throws XMLStreamException {
        XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
        try {
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new XMLStreamException("DOCTYPE interdit");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return "ArchiveTransfer".equals(r.getLocalName())
                            ? SedaVersion.ofNamespace(r.getNamespaceURI()).orElse(null) : null;
                }
            }
            return null;
        } finally {
            r.close();
        }
    }

    static SipManifest read(SedaVersion version, byte[] xml) throws XMLStreamException {
        Map<String, String> top = new LinkedHashMap<>();
        List<DataObject> objects = new ArrayList<>();
        List<Unit> units = new ArrayList<>();
        Deque<String> path = new ArrayDeque<>();
        Deque<Unit> openUnits = new ArrayDeque<>();
        Map<String, String> object = null;
        String group = null;
        XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
        try {
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = path.pop();
                    if ("ArchiveUnit".equals(name)) {
                        openUnits.pop();
                    } else if ("BinaryDataObject".equals(name)) {
                        objects.add(object(object, group));
                        object = null;
                    } else if ("DataObjectGroup".equals(name)) {
                        group = null;
                    }
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = r.getLocalName();
                String parent = path.peek();
                path.push(name);
                if ("ArchiveUnit".equals(name)) {
                    Unit unit = new Unit(r.getAttributeValue(null, "id"),
                            openUnits.isEmpty() ? null : openUnits.peek().id(), new LinkedHashMap<>(), new ArrayList<>());
                    units.add(unit);
                    openUnits.push(unit);
                } else if ("DataObjectGroup".equals(name)) {
                    group = r.getAttributeValue(null, "id");
                } else if ("BinaryDataObject".equals(name)) {
                    object = new LinkedHashMap<>();
                    object.put("id", r.getAttributeValue(null, "id"));
                } else if (object != null && "MessageDigest".equals(name)) {
                    object.put("algorithm", r.getAttributeValue(null, "algorithm"));
                    object.put("digest", text(r, path));
                } else if (object != null && OBJECT_FIELDS.contains(name)) {
                    object.put(name, text(r, path));
                } else if (!openUnits.isEmpty() && "Content".equals(parent)
                        && "ArchiveUnit".equals(parentOf(path, 2))) {
                    String value = leafText(r, path);
                    if (value != null) {
                        openUnits.peek().content().computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                    }
                } else if (!openUnits.isEmpty() && "DataObjectReference".equals(parent)) {
                    openUnits.peek().references().add(text(r, path));
                } else if ((path.size() == 2 && HEADER.contains(name))
                        || ("ManagementMetadata".equals(parent) && path.size() == 4)) {
                    top.putIfAbsent(name, leafText(r, path));
                } else if (path.size() == 3 && "Identifier".equals(name)) {
                    top.putIfAbsent(parent, text(r, path));
                }
            }
        } finally {
            r.close();
        }
        return new SipManifest(version, top.get("MessageIdentifier"), top.get("ArchivalAgreement"), top.get("Comment"),
                top.get("ArchivalAgency"), top.get("TransferringAgency"), top.get("OriginatingAgencyIdentifier"),
                objects, units);
    }

    private static DataObject object(Map<String, String> o, String wrapper) {
        String group = o.getOrDefault("DataObjectGroupId", o.getOrDefault("DataObjectGroupReferenceId",
                wrapper == null ? o.get("id") : wrapper));
        Long size = null;
        try {
            size = o.get("Size") == null ? null : Long.valueOf(o.get("Size").strip());
        } catch (NumberFormatException e) {
            // the schema has checked the type; an odd value simply goes unchecked here
        }
        return new DataObject(o.get("id"), group, o.get("Uri"), o.get("algorithm"), o.get("digest"), size,
                o.get("DataObjectVersion"), o.get("Filename"), o.get("MimeType"));
    }

    private static String parentOf(Deque<String> path, int up) {
        return path.stream().skip(up).findFirst().orElse(null);
    }

    private static String text(XMLStreamReader r, Deque<String> path) throws XMLStreamException {
        String value = r.getElementText().strip();
        path.pop();
        return value;
    }

    /** The text of an element with no child element, or null (and the reader left inside) when it has some. */
    private static String leafText(XMLStreamReader r, Deque<String> path) throws XMLStreamException {
        StringBuilder s = new StringBuilder();
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                s.append(r.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                path.pop();
                return s.toString().strip();
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                path.push(r.getLocalName());
                return null;
            }
        }
        return null;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return f;
    }
}
