package fr.acta.seda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * Serves the schema files to the schema compiler from the class path, never from the network:
 * <ul>
 *   <li>absolute {@code http(s)} locations (the W3C imports of the SEDA schemas) through the
 *   {@code system} and {@code uri} entries of {@code schemas/catalog.xml}; one the catalog does not
 *   map is refused;</li>
 *   <li>relative locations ({@code xsd:include}) against the including file, inside
 *   {@code /schemas/} only.</li>
 * </ul>
 * Anything else (a {@code file:} URL, a path leaving {@code /schemas/}) is refused.
 */
class SchemaCatalog implements LSResourceResolver {

    static final String ROOT = "/schemas/";
    /** Base of the system ids given to the compiler; never opened, this class serves every file. */
    static final String BASE = "classpath:" + ROOT;

    private final Map<String, String> entries;

    SchemaCatalog() {
        this.entries = read(ROOT + "catalog.xml");
    }

    /** The class-path resource a catalog entry maps {@code systemId} to, or null. */
    String mapped(String systemId) {
        return entries.get(systemId);
    }

    @Override
    public LSInput resolveResource(String type, String namespaceURI, String publicId, String systemId,
                                   String baseURI) {
        if (systemId == null) {
            throw new IllegalStateException("Schema resource without location refused (namespace " + namespaceURI + ")");
        }
        String path = locate(systemId, baseURI);
        return new fr.acta.common.SchemaBytes(publicId, "classpath:" + path, bytes(path));
    }

    /** The class-path path of {@code systemId}, or an exception if it is not allowed. */
    String locate(String systemId, String baseURI) {
        URI uri = URI.create(systemId.strip());
        if (uri.isAbsolute() && !"classpath".equals(uri.getScheme())) {
            String path = entries.get(uri.toString());
            if (path == null) {
                throw new IllegalStateException("Schema resource refused, not in catalog.xml (no network access): "
                        + systemId);
            }
            return path;
        }
        URI base = URI.create(baseURI == null ? BASE : baseURI);
        URI resolved = base.resolve(uri).normalize();
        String path = resolved.getSchemeSpecificPart();
        if (!"classpath".equals(resolved.getScheme()) || !path.startsWith(ROOT) || path.contains("..")
                || !path.matches("[A-Za-z0-9_./-]+\\.xsd")) {
            throw new IllegalStateException("Schema resource refused: " + systemId + " (from " + baseURI + ")");
        }
        return path;
    }

    static byte[] bytes(String path) {
        try (InputStream in = SchemaCatalog.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Schema resource missing from the class path: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("Schema resource unreadable: " + path, e);
        }
    }

    /** Reads the {@code system} and {@code uri} entries of an OASIS catalog, with no DTD. */
    private static Map<String, String> read(String catalog) {
        String folder = catalog.substring(0, catalog.lastIndexOf('/') + 1);
        Map<String, String> map = new HashMap<>();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(bytes(catalog)));
            while (r.hasNext()) {
                if (r.next() == XMLStreamReader.START_ELEMENT) {
                    String key = switch (r.getLocalName()) {
                        case "system" -> r.getAttributeValue(XMLConstants.NULL_NS_URI, "systemId");
                        case "uri" -> r.getAttributeValue(XMLConstants.NULL_NS_URI, "name");
                        default -> null;
                    };
                    String target = r.getAttributeValue(XMLConstants.NULL_NS_URI, "uri");
                    if (key != null && target != null && !target.contains(":") && !target.contains("..")) {
                        map.put(key, folder + target);
                    }
                }
            }
            r.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Unreadable schema catalog " + catalog, e);
        }
        return Map.copyOf(map);
    }
}
