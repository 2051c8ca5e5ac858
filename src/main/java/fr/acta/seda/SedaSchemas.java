package fr.acta.seda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * The official SEDA 2.1, 2.2 and 2.3 schemas shipped under {@code schemas/seda/}, each compiled
 * once on first use; {@link #shared()} is the instance every caller uses (the transfer builder,
 * Acta's archive checking what it receives and what it answers). The compiler reaches no file itself ({@code accessExternalSchema} and
 * {@code accessExternalDTD} are empty): every schema file comes through the resolver, which serves
 * the class path and maps the W3C imports with {@code catalog.xml}. Validated documents may hold
 * no DOCTYPE, so no entity is ever expanded.
 */
public class SedaSchemas {

    private static final SedaSchemas SHARED = new SedaSchemas();

    private static final int MAX_PROBLEMS = 20;

    private final LSResourceResolver resolver;
    private final Map<SedaVersion, Schema> compiled = new EnumMap<>(SedaVersion.class);

    SedaSchemas() {
        this(new SchemaCatalog());
    }

    /** The instance of the application: each version's schema is compiled once for all callers. */
    public static SedaSchemas shared() {
        return SHARED;
    }

    SedaSchemas(LSResourceResolver resolver) {
        this.resolver = resolver;
    }

    /** The compiled schema of {@code version}. */
    synchronized Schema schema(SedaVersion version) {
        return compiled.computeIfAbsent(version, this::compile);
    }

    private Schema compile(SedaVersion version) {
        String main = version.mainSchema();
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setResourceResolver(resolver);
            return factory.newSchema(new StreamSource(new ByteArrayInputStream(SchemaCatalog.bytes(main)),
                    "classpath:" + main));
        } catch (SAXException e) {
            throw new IllegalStateException("The SEDA " + version.label() + " schema cannot be loaded: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Validates a manifest against the schema of {@code version}; a failure is a
     * {@link SedaManifestException} naming each complaint with its line and column. Any SEDA
     * message of that version may be given (an {@code ArchiveTransfer}, its reply, an
     * {@code Acknowledgement}); a document holding a DOCTYPE is refused.
     */
    public void validate(SedaVersion version, byte[] manifest) {
        List<SedaManifestException.Problem> problems = new ArrayList<>();
        try {
            Validator validator = schema(version).newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new Collector(problems));
            InputSource input = new InputSource(new ByteArrayInputStream(manifest));
            input.setSystemId("manifest.xml");
            validator.validate(new SAXSource(hardenedReader(), input));
        } catch (SAXParseException e) {
            if (problems.isEmpty()) {
                problems.add(problem(e));
            }
        } catch (SAXException | IOException e) {
            throw new SedaManifestException("Validation du bordereau SEDA " + version.label() + " impossible : "
                    + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            List<String> lines = problems.stream().map(SedaManifestException.Problem::toString).toList();
            throw new SedaManifestException("Le bordereau (manifest.xml) n'est pas conforme au schéma officiel SEDA "
                    + version.label() + " : " + String.join(" ; ", lines), problems);
        }
    }

    /** A namespace-aware SAX reader that refuses any DOCTYPE and never loads external entities. */
    private static XMLReader hardenedReader() throws SAXException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setXIncludeAware(false);
            return factory.newSAXParser().getXMLReader();
        } catch (ParserConfigurationException e) {
            throw new SAXException(e);
        }
    }

    private static SedaManifestException.Problem problem(SAXParseException e) {
        return new SedaManifestException.Problem(e.getLineNumber(), e.getColumnNumber(), e.getMessage());
    }

    private record Collector(List<SedaManifestException.Problem> problems) implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
            // a warning does not make a manifest invalid
        }

        @Override
        public void error(SAXParseException e) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(problem(e));
            }
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            problems.add(problem(e));
            throw e;
        }
    }
}
