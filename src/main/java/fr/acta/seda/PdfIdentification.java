package fr.acta.seda;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;

/**
 * PRONOM identifiers of PDF files. The claim of PDF/A conformance is read where ISO 19005 puts it,
 * the {@code pdfaid:part} and {@code pdfaid:conformance} properties of the document's XMP metadata
 * (as an element or as an attribute); without one, the header's version decides. Like PRONOM's
 * own signatures, this identifies what the file claims to be, it does not validate PDF/A.
 */
final class PdfIdentification {

    static final String PDFAID = "http://www.aiim.org/pdfa/ns/id/";
    private static final Pattern HEADER = Pattern.compile("%PDF-(\\d\\.\\d)");
    private static final int HEADER_WINDOW = 1024;
    private static final Map<String, String> VERSIONS = Map.of("1.0", "fmt/14", "1.1", "fmt/15", "1.2", "fmt/16",
            "1.3", "fmt/17", "1.4", "fmt/18", "1.5", "fmt/19", "1.6", "fmt/20", "1.7", "fmt/276", "2.0", "fmt/1129");
    private static final Map<String, String> PDFA = Map.of("1a", "fmt/95", "1b", "fmt/354", "2a", "fmt/476",
            "2b", "fmt/477", "2u", "fmt/478", "3a", "fmt/479", "3b", "fmt/480", "3u", "fmt/481");

    private PdfIdentification() {
    }

    static boolean isPdf(byte[] bytes) {
        return header(bytes) != null;
    }

    static FileFormat identify(byte[] bytes) {
        String level = pdfaLevel(bytes);
        if (level != null && PDFA.containsKey(level)) {
            return new FileFormat("application/pdf", PDFA.get(level), "Acrobat PDF/A - Portable Document Format "
                    + level);
        }
        String version = header(bytes);
        String puid = VERSIONS.get(version);
        String literal = version.startsWith("1.") ? "Acrobat PDF " + version + " - Portable Document Format" : null;
        return new FileFormat("application/pdf", puid, puid == null ? null : literal);
    }

    /** The version of the {@code %PDF-x.y} header in the first kilobyte, or null. */
    static String header(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, HEADER_WINDOW), StandardCharsets.ISO_8859_1);
        Matcher m = HEADER.matcher(start);
        return m.find() ? m.group(1) : null;
    }

    /** The claimed PDF/A level, e.g. {@code 1b}, or null when the metadata claims none or cannot be read. */
    static String pdfaLevel(byte[] bytes) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDMetadata metadata = document.getDocumentCatalog().getMetadata();
            if (metadata == null) {
                return null;
            }
            try (InputStream xmp = metadata.exportXMPMetadata()) {
                return fromXmp(xmp);
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            return null;
        }
    }

    /** Reads {@code pdfaid:part} and {@code pdfaid:conformance} from an XMP packet, with no DTD. */
    static String fromXmp(InputStream xmp) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader r = factory.createXMLStreamReader(xmp);
        String part = null;
        String conformance = null;
        try {
            while (r.hasNext()) {
                if (r.next() != XMLStreamReader.START_ELEMENT) {
                    continue;
                }
                for (int i = 0; i < r.getAttributeCount(); i++) {
                    if (PDFAID.equals(r.getAttributeNamespace(i))) {
                        part = "part".equals(r.getAttributeLocalName(i)) ? r.getAttributeValue(i) : part;
                        conformance = "conformance".equals(r.getAttributeLocalName(i)) ? r.getAttributeValue(i)
                                : conformance;
                    }
                }
                if (PDFAID.equals(r.getNamespaceURI()) && "part".equals(r.getLocalName())) {
                    part = r.getElementText();
                } else if (PDFAID.equals(r.getNamespaceURI()) && "conformance".equals(r.getLocalName())) {
                    conformance = r.getElementText();
                }
            }
        } finally {
            r.close();
        }
        if (part == null || conformance == null) {
            return null;
        }
        return part.strip() + conformance.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
