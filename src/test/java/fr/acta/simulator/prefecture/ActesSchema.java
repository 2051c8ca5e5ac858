package fr.acta.simulator.prefecture;

import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

/** The official ACTES 1.1 schema shipped with Acta, to validate what the sandbox writes. */
final class ActesSchema {

    private static Schema schema;

    private ActesSchema() {
    }

    static synchronized void validate(byte[] xml) {
        try {
            if (schema == null) {
                SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                schema = f.newSchema(ActesSchema.class.getResource("/schemas/actes/1.1/actesv1_1.xsd"));
            }
            schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (Exception e) {
            throw new AssertionError("Not valid against ACTES 1.1: " + e.getMessage() + "\n"
                    + new String(xml, java.nio.charset.StandardCharsets.ISO_8859_1), e);
        }
    }
}
