package fr.acta.seda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** PRONOM identifiers from the bytes, never from the name. */
class FormatIdentifierTest {

    @Test
    void pdf_by_header_version() {
        assertThat(FormatIdentifier.identify(SedaSamples.pdf(1.4f)))
                .isEqualTo(new FileFormat("application/pdf", "fmt/18", "Acrobat PDF 1.4 - Portable Document Format"));
        assertThat(FormatIdentifier.identify(SedaSamples.pdf(1.3f)).formatId()).isEqualTo("fmt/17");
        assertThat(FormatIdentifier.identify(SedaSamples.pdf(1.7f)).formatId()).isEqualTo("fmt/276");
    }

    @Test
    void pdfa_by_the_xmp_pdfaid_part_and_conformance() {
        assertThat(FormatIdentifier.identify(SedaSamples.pdfa(1, "B")))
                .isEqualTo(new FileFormat("application/pdf", "fmt/354", "Acrobat PDF/A - Portable Document Format 1b"));
        assertThat(FormatIdentifier.identify(SedaSamples.pdfa(1, "A")).formatId()).isEqualTo("fmt/95");
        assertThat(FormatIdentifier.identify(SedaSamples.pdfa(2, "B")).formatId()).isEqualTo("fmt/477");
        assertThat(FormatIdentifier.identify(SedaSamples.pdfa(3, "A")).formatId()).isEqualTo("fmt/479");
        String attributes = "<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description rdf:about=\"\" "
                + "xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" pdfaid:part=\"2\" pdfaid:conformance=\"U\"/>"
                + "</rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
        assertThat(FormatIdentifier.identify(SedaSamples.pdfWithXmp(attributes)).formatId()).isEqualTo("fmt/478");
        String pdfa4 = attributes.replace("pdfaid:part=\"2\" pdfaid:conformance=\"U\"", "pdfaid:part=\"4\"");
        assertThat(FormatIdentifier.identify(SedaSamples.pdfWithXmp(pdfa4)).formatId()).as("not a PDF/A id we know")
                .isEqualTo("fmt/276");
    }

    @Test
    void xml_with_its_declaration_is_fmt_101_in_utf8_or_latin1() {
        assertThat(FormatIdentifier.identify("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>é</a>"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo(new FileFormat("application/xml", "fmt/101",
                "Extensible Markup Language 1.0"));
        assertThat(FormatIdentifier.identify(SedaSamples.arActe()).formatId()).isEqualTo("fmt/101");
        assertThat(FormatIdentifier.identify("<a/>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new FileFormat("application/xml", null, null));
    }

    @Test
    void png_version_by_the_chunks_each_version_introduced() {
        assertThat(FormatIdentifier.identify(SedaSamples.image("png")))
                .isEqualTo(new FileFormat("image/png", "fmt/11", "Portable Network Graphics 1.0"));
        assertThat(FormatIdentifier.identify(SedaSamples.pngWithChunk("sRGB", new byte[] {0})).formatId())
                .isEqualTo("fmt/12");
        assertThat(FormatIdentifier.identify(SedaSamples.pngWithChunk("iTXt",
                "Comment\0\0\0\0\0texte".getBytes(StandardCharsets.UTF_8))).formatId()).isEqualTo("fmt/13");
    }

    @Test
    void jpeg_jfif_by_its_version_and_other_files_by_mime_type_only() {
        byte[] jpeg = SedaSamples.image("jpg");
        String version = (jpeg[11] & 0xFF) + ".0" + (jpeg[12] & 0xFF);
        assertThat(FormatIdentifier.identify(jpeg)).isEqualTo(new FileFormat("image/jpeg",
                version.equals("1.02") ? "fmt/44" : version.equals("1.01") ? "fmt/43" : "fmt/42",
                "JPEG File Interchange Format " + version));
        assertThat(FormatIdentifier.identify(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, 8}))
                .isEqualTo(new FileFormat("image/jpeg", null, null));
        assertThat(FormatIdentifier.identify("bonjour".getBytes(StandardCharsets.UTF_8)).mimeType())
                .isEqualTo("text/plain");
        assertThat(FormatIdentifier.identify(new byte[] {0, 1, 2, (byte) 0xFE}).mimeType())
                .isEqualTo("application/octet-stream");
    }
}
