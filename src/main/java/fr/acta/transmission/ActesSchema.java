package fr.acta.transmission;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.springframework.stereotype.Component;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The official ACTES 1.1 schema shipped under {@code schemas/actes/1.1/}, compiled once. Its two
 * INSEE includes are served from the same folder of the class path; nothing is fetched from the
 * network, and the validated documents may not reach DTDs or external schemas.
 */
@Component
class ActesSchema {

    private static final String FOLDER = "/schemas/actes/1.1/";
    private static final String MAIN = "actesv1_1.xsd";
    /** A base for relative includes; never opened, the resolver serves every schema file. */
    private static final String BASE = "classpath:" + FOLDER;

    private final Schema schema;

    ActesSchema() {
        try (InputStream main = open(MAIN)) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setResourceResolver(new FolderResolver());
            this.schema = factory.newSchema(new StreamSource(main, BASE + MAIN));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("The ACTES 1.1 schema cannot be loaded", e);
        }
    }

    /**
     * Validates {@code xml}; a failure names {@code fileName} and every complaint of the schema
     * (line and column included).
     */
    void validate(String fileName, byte[] xml) {
        List<String> problems = new ArrayList<>();
        try {
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings do not make a package invalid
                }

                @Override
                public void error(SAXParseException e) {
                    problems.add(describe(e));
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXParseException {
                    problems.add(describe(e));
                    throw e;
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(xml), fileName));
        } catch (SAXException e) {
            if (problems.isEmpty()) {
                problems.add(e.getMessage());
            }
        } catch (IOException e) {
            throw new ActesPackageException("Validation de « " + fileName + " » impossible : " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new ActesPackageException("Le fichier « " + fileName + " » du paquet @ctes n'est pas conforme au "
                    + "schéma ACTES 1.1 : " + String.join(" ; ", problems));
        }
    }

    private static String describe(SAXParseException e) {
        return "ligne " + e.getLineNumber() + ", colonne " + e.getColumnNumber() + " : " + e.getMessage();
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = ActesSchema.class.getResourceAsStream(FOLDER + name);
        if (in == null) {
            throw new IOException("missing schema file " + FOLDER + name);
        }
        return in;
    }

    /** Serves the schema files of the folder by their file name; refuses anything else. */
    private static final class FolderResolver implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespaceURI, String publicId, String systemId,
                                       String baseURI) {
            String name = systemId == null ? "" : systemId.substring(systemId.lastIndexOf('/') + 1);
            if (!name.matches("[A-Za-z0-9_.-]+\\.xsd")) {
                throw new IllegalStateException("Schema resource refused: " + systemId);
            }
            try {
                byte[] bytes;
                try (InputStream in = open(name)) {
                    bytes = in.readAllBytes();
                }
                return new fr.acta.common.SchemaBytes(publicId, BASE + name, bytes);
            } catch (IOException e) {
                throw new IllegalStateException("Schema resource missing: " + systemId, e);
            }
        }
    }
}
