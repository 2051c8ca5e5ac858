package fr.acta.seda;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.catalog.CatalogFeatures;
import javax.xml.catalog.CatalogManager;
import javax.xml.catalog.CatalogResolver;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * A second, independent check of the manifests, offline by construction: the official XSDs read
 * from the source tree, the W3C imports resolved by the JDK's own catalog API on {@code catalog.xml}
 * in strict mode, any other {@code http(s)} location refused by the resolver (and file access only
 * for the parser itself). Records every remote location that was asked for.
 */
final class OfflineSchemas {

    static final Path SCHEMAS = Path.of("src/main/resources/schemas").toAbsolutePath();
    static final Set<String> REMOTE_ASKED = ConcurrentHashMap.newKeySet();

    private OfflineSchemas() {
    }

    /** Refuses http(s) unless the catalog maps it; leaves local includes to the parser. */
    static LSResourceResolver refusingHttp() {
        CatalogResolver catalog = CatalogManager.catalogResolver(CatalogFeatures.builder()
                .with(CatalogFeatures.Feature.RESOLVE, "strict").build(), SCHEMAS.resolve("catalog.xml").toUri());
        return (type, namespaceURI, publicId, systemId, baseURI) -> {
            URI uri = baseURI == null ? URI.create(systemId) : URI.create(baseURI).resolve(systemId);
            if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
                REMOTE_ASKED.add(systemId);
                LSInput local = catalog.resolveResource(type, namespaceURI, publicId, systemId, baseURI);
                if (local == null || local.getSystemId() == null || !local.getSystemId().startsWith("file:")) {
                    throw new IllegalStateException("refused: " + systemId);
                }
                return local;
            }
            return null;
        };
    }

    static Schema compile(SedaVersion version) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setResourceResolver(refusingHttp());
        Path main = SCHEMAS.resolve("seda/" + version.label() + "/seda-" + version.label() + "-main.xsd");
        return factory.newSchema(main.toFile());
    }

    static List<String> problems(SedaVersion version, byte[] xml) throws Exception {
        List<String> problems = new ArrayList<>();
        Validator validator = compile(version).newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setErrorHandler(new ErrorHandler() {
            @Override public void warning(SAXParseException e) { }
            @Override public void error(SAXParseException e) { problems.add(e.getLineNumber() + ": " + e.getMessage()); }
            @Override public void fatalError(SAXParseException e) { problems.add(e.getLineNumber() + ": " + e.getMessage()); }
        });
        try {
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            // already recorded
        }
        return problems;
    }

    static void validate(SedaVersion version, byte[] xml) throws Exception {
        List<String> problems = problems(version, xml);
        if (!problems.isEmpty()) {
            throw new AssertionError("not valid SEDA " + version.label() + ": " + problems);
        }
    }
}
