package fr.acta.sae;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.acta.seda.SedaVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads a manifest that already passed its version's schema into a {@link Manifest}. The DOM
 * parser refuses any DOCTYPE and never loads anything. Each archive unit's {@code Content} and
 * {@code Management} are kept whole, as JSON (element names as keys, repeated elements as arrays,
 * attributes as {@code @name}).
 */
final class ManifestReader {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> IDENTIFIERS = Set.of("SystemId", "OriginatingSystemId", "FilePlanPosition",
            "ArchivalAgencyArchiveUnitIdentifier", "OriginatingAgencyArchiveUnitIdentifier",
            "TransferringAgencyArchiveUnitIdentifier", "PersistentIdentifier");

    private final String ns;
    private int generated;

    private ManifestReader(SedaVersion version) {
        this.ns = version.namespace();
    }

    static Manifest read(SedaVersion version, byte[] manifest) throws IOException {
        Element root;
        try {
            root = builder().parse(new ByteArrayInputStream(manifest)).getDocumentElement();
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException("Unreadable manifest: " + e.getMessage(), e);
        }
        return new ManifestReader(version).manifest(root);
    }

    private Manifest manifest(Element root) {
        List<Manifest.DataObject> objects = new ArrayList<>();
        List<Manifest.Unit> units = new ArrayList<>();
        Element pkg = child(root, "DataObjectPackage");
        if (pkg != null) {
            for (Element e : children(pkg)) {
                if (e.getLocalName().equals("DataObjectGroup")) {
                    for (Element o : children(e)) {
                        if (o.getLocalName().equals("BinaryDataObject")) {
                            objects.add(object(o, e.getAttribute("id")));
                        }
                    }
                } else if (e.getLocalName().equals("BinaryDataObject")) {
                    String group = text(e, "DataObjectGroupReferenceId");
                    objects.add(object(e, group != null ? group : text(e, "DataObjectGroupId")));
                }
            }
            Element descriptive = child(pkg, "DescriptiveMetadata");
            if (descriptive != null) {
                for (Element u : children(descriptive)) {
                    if (u.getLocalName().equals("ArchiveUnit")) {
                        unit(u, null, units);
                    }
                }
            }
        }
        return new Manifest(text(root, "Comment"), text(root, "ArchivalAgreement"), objects, units);
    }

    private Manifest.DataObject object(Element o, String groupId) {
        Element attachment = child(o, "Attachment");
        String uri = text(o, "Uri");
        byte[] inline = null;
        if (attachment != null) {
            String name = attachment.getAttribute("filename");
            String content = attachment.getTextContent().strip();
            if (!content.isEmpty()) {
                inline = Base64.getMimeDecoder().decode(content);
            }
            if (uri == null && !name.isBlank()) {
                uri = name.strip();
            }
        }
        Element digest = child(o, "MessageDigest");
        String declared = digest.getAttribute("algorithm").strip();
        String size = text(o, "Size");
        Element format = child(o, "FormatIdentification");
        Element info = child(o, "FileInfo");
        return new Manifest.DataObject(o.getAttribute("id"), blankToNull(groupId), uri, inline, algorithm(declared),
                declared, hex(digest.getTextContent().strip()), size == null ? null : Long.valueOf(size),
                format == null ? null : text(format, "MimeType"), format == null ? null : text(format, "FormatId"),
                info == null ? null : text(info, "Filename"));
    }

    private void unit(Element u, String parentKey, List<Manifest.Unit> units) {
        String key = u.getAttribute("id").isBlank() ? "AU_GEN_" + (++generated) : u.getAttribute("id");
        Element content = child(u, "Content");
        Element management = child(u, "Management");
        ObjectNode metadata = content == null ? JSON.objectNode() : (ObjectNode) json(content, true);
        ObjectNode identifiers = JSON.objectNode();
        metadata.fields().forEachRemaining(f -> {
            if (IDENTIFIERS.contains(f.getKey())) {
                identifiers.set(f.getKey(), f.getValue());
            }
        });
        String ref = text(u, "ArchiveUnitRefId");
        if (ref != null) {
            identifiers.put("ArchiveUnitRefId", ref);
        }
        List<String> references = new ArrayList<>();
        for (Element r : children(u)) {
            if (r.getLocalName().equals("DataObjectReference")) {
                for (Element id : children(r)) {
                    references.add(id.getTextContent().strip());
                }
            }
        }
        String title = content == null ? null : text(content, "Title");
        units.add(new Manifest.Unit(key, parentKey, content == null ? null : text(content, "DescriptionLevel"), title,
                identifiers, metadata, management == null ? JSON.objectNode() : (ObjectNode) json(management, true),
                references));
        for (Element child : children(u)) {
            if (child.getLocalName().equals("ArchiveUnit")) {
                unit(child, key, units);
            }
        }
    }

    /** An element as JSON: text for a leaf without attributes, else an object of its attributes and children. */
    private static JsonNode json(Element e, boolean forceObject) {
        List<Element> kids = children(e);
        NamedNodeMap attributes = e.getAttributes();
        if (kids.isEmpty() && attributes.getLength() == 0 && !forceObject) {
            return JSON.textNode(e.getTextContent().strip());
        }
        ObjectNode node = JSON.objectNode();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                node.put("@" + a.getLocalName(), a.getValue());
            }
        }
        if (kids.isEmpty() && !e.getTextContent().isBlank()) {
            node.put("#text", e.getTextContent().strip());
        }
        for (Element k : kids) {
            JsonNode value = json(k, false);
            JsonNode existing = node.get(k.getLocalName());
            if (existing == null) {
                node.set(k.getLocalName(), value);
            } else if (existing instanceof ArrayNode array) {
                array.add(value);
            } else {
                ArrayNode array = JSON.arrayNode();
                array.add(existing);
                array.add(value);
                node.set(k.getLocalName(), array);
            }
        }
        return node;
    }

    /** {@code SHA-512}, {@code SHA512}, {@code sha-256}… as the JDK names them; null for another algorithm. */
    static String algorithm(String declared) {
        return switch (declared.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "")) {
            case "SHA256" -> "SHA-256";
            case "SHA384" -> "SHA-384";
            case "SHA512" -> "SHA-512";
            default -> null;
        };
    }

    /** A digest in lowercase hexadecimal, whether written in hexadecimal or in base64. */
    static String hex(String value) {
        if (value.matches("[0-9a-fA-F]+")) {
            return value.toLowerCase(Locale.ROOT);
        }
        try {
            return HexFormat.of().formatHex(Base64.getDecoder().decode(value));
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private Element child(Element parent, String name) {
        for (Element e : children(parent)) {
            if (e.getLocalName().equals(name) && ns.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    private String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : blankToNull(e.getTextContent().strip());
    }

    private static List<Element> children(Element parent) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                list.add(e);
            }
        }
        return list;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder();
    }
}
