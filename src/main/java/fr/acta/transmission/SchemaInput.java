package fr.acta.transmission;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import org.w3c.dom.ls.LSInput;

/** A schema file served from the class path to the schema compiler. */
final class SchemaInput implements LSInput {

    private String publicId;
    private String systemId;
    private final byte[] bytes;

    SchemaInput(String publicId, String systemId, byte[] bytes) {
        this.publicId = publicId;
        this.systemId = systemId;
        this.bytes = bytes;
    }

    @Override public Reader getCharacterStream() { return null; }
    @Override public void setCharacterStream(Reader characterStream) { }
    @Override public InputStream getByteStream() { return new ByteArrayInputStream(bytes); }
    @Override public void setByteStream(InputStream byteStream) { }
    @Override public String getStringData() { return null; }
    @Override public void setStringData(String stringData) { }
    @Override public String getSystemId() { return systemId; }
    @Override public void setSystemId(String systemId) { this.systemId = systemId; }
    @Override public String getPublicId() { return publicId; }
    @Override public void setPublicId(String publicId) { this.publicId = publicId; }
    @Override public String getBaseURI() { return systemId; }
    @Override public void setBaseURI(String baseURI) { }
    @Override public String getEncoding() { return null; }
    @Override public void setEncoding(String encoding) { }
    @Override public boolean getCertifiedText() { return false; }
    @Override public void setCertifiedText(boolean certifiedText) { }
}
