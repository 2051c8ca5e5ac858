package fr.acta.document;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.support.Acts;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import fr.acta.support.Leftovers;
import fr.acta.testdata.SamplePdfs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files that must never become a document of an act, as main document and as annex: each is refused
 * with a problem naming the part, and the intake leaves nothing behind (no row, no stored or staged
 * file, no process instance).
 */
class HostileFilesTest extends ApiTest {

    private static final String ACTS = "/api/v1/tenants/demo/acts";
    private static final byte[] MAIN = SamplePdfs.arrete("Valmont-sur-Saône", "H1", "Acte de test des fichiers");
    private static final byte[] ANNEX = SamplePdfs.annex("Annexe saine", 1);

    static Stream<Arguments> hostileFiles() {
        byte[] png = SamplePdfs.png(64, 48);
        byte[] jpeg = SamplePdfs.jpeg(640, 400);
        return Stream.of(
                Arguments.of("encrypted_pdf_with_a_user_password", "acte.pdf", SamplePdfs.encryptedPdf(),
                        "protégé par un mot de passe"),
                Arguments.of("encrypted_pdf_with_an_owner_password_only", "acte.pdf", SamplePdfs.ownerOnlyEncryptedPdf(),
                        "chiffré ou protégé"),
                Arguments.of("truncated_pdf", "acte.pdf", SamplePdfs.truncatedPdf(), "tronqué"),
                Arguments.of("elf_executable_named_pdf", "acte.pdf", SamplePdfs.executableNamedPdf(), "Format refusé"),
                Arguments.of("empty_file", "acte.pdf", SamplePdfs.emptyFile(), "vide"),
                Arguments.of("pdf_zip_polyglot", "acte.pdf", SamplePdfs.pdfZipPolyglot(), "polyglotte"),
                Arguments.of("plain_text_named_pdf", "acte.pdf", SamplePdfs.textFile(), "Format refusé"),
                Arguments.of("pdf_without_any_page", "acte.pdf", pdfWithoutPages(), "aucune page"),
                Arguments.of("png_cut_after_its_header", "plan.png", Arrays.copyOf(png, 40), "illisible"),
                Arguments.of("png_cut_in_its_image_data", "plan.png", Arrays.copyOf(png, png.length / 2), "illisible"),
                Arguments.of("jpeg_cut_in_half", "photo.jpg", Arrays.copyOf(jpeg, jpeg.length / 2), "illisible"),
                Arguments.of("png_declaring_400_megapixels", "plan.png", pngHeader(20_000, 20_000), "trop grande"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void a_hostile_main_document_is_refused_and_leaves_nothing(String kind, String name, byte[] content,
                                                                String message) {
        Leftovers before = Leftovers.take(jdbc, home());
        Api.Response r = as("secretaire").multipart(ACTS, new Api.Multipart().metadata(Acts.metadata(
                Acts.uniqueNumber("H"), "deliberation", 1)).main(name, content).annex("annexe.pdf", ANNEX));
        assertRefused(r, "main", message);
        Leftovers.assertNothingLeftSince(before, jdbc, home());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void a_hostile_annex_is_refused_and_leaves_nothing(String kind, String name, byte[] content, String message) {
        Leftovers before = Leftovers.take(jdbc, home());
        Api.Response r = as("secretaire").multipart(ACTS, new Api.Multipart().metadata(Acts.metadata(
                Acts.uniqueNumber("H"), "deliberation", 1)).main("acte.pdf", MAIN).annex(name, content));
        assertRefused(r, "annexes[0]", message);
        Leftovers.assertNothingLeftSince(before, jdbc, home());
    }

    @Test
    void a_hostile_second_annex_is_named_by_its_position() {
        Leftovers before = Leftovers.take(jdbc, home());
        Api.Response r = as("secretaire").multipart(ACTS, new Api.Multipart().metadata(Acts.metadata(
                        Acts.uniqueNumber("H"), "deliberation", 2)).main("acte.pdf", MAIN)
                .annex("annexe-1.pdf", ANNEX).annex("annexe-2.pdf", SamplePdfs.pdfZipPolyglot()));
        assertRefused(r, "annexes[1]", "polyglotte");
        Leftovers.assertNothingLeftSince(before, jdbc, home());
    }

    @Test
    void an_xml_annex_with_a_dtd_and_external_entity_is_refused() {
        byte[] xxe = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE budget [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <budget>&secret;</budget>
                """.getBytes(StandardCharsets.UTF_8);
        Leftovers before = Leftovers.take(jdbc, home());
        Api.Response r = as("secretaire").multipart(ACTS, new Api.Multipart().metadata(Acts.metadata(
                Acts.uniqueNumber("H"), "deliberation", 1)).main("acte.pdf", MAIN).annex("budget.xml", xxe));
        assertRefused(r, "annexes[0]", "XML");
        Leftovers.assertNothingLeftSince(before, jdbc, home());
    }

    @Test
    void every_hostile_file_of_one_act_is_reported_and_none_is_kept() {
        Leftovers before = Leftovers.take(jdbc, home());
        Api.Response r = as("secretaire").multipart(ACTS, new Api.Multipart().metadata(Acts.metadata(
                        Acts.uniqueNumber("H"), "deliberation", 2)).main("acte.pdf", SamplePdfs.truncatedPdf())
                .annex("annexe-1.pdf", ANNEX).annex("annexe-2.pdf", SamplePdfs.encryptedPdf()));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.errorFields()).containsExactly("main", "annexes[1]");
        Leftovers.assertNothingLeftSince(before, jdbc, home());
    }

    @Test
    void the_type_comes_from_the_content_not_from_the_name() {
        byte[] png = SamplePdfs.png(320, 200);
        Api.Response r = as("secretaire").multipart(ACTS, new Api.Multipart().metadata(Acts.metadata(
                Acts.uniqueNumber("H"), "deliberation", 1)).main("scan.pdf", png).annex("annexe.png", ANNEX));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.<String>json("$.documents[0].mediaType")).isEqualTo("image/png");
        assertThat(r.<String>json("$.documents[0].name")).isEqualTo("scan.pdf");
        assertThat(r.<String>json("$.documents[1].mediaType")).isEqualTo("application/pdf");

        Api.Response download = as("secretaire").get(ACTS + "/" + r.json("$.id") + "/documents/"
                + r.json("$.documents[0].id"));
        assertThat(download.contentType()).isEqualTo("image/png");
        assertThat(download.body()).isEqualTo(png);
    }

    @Test
    void sound_jpeg_and_png_images_are_accepted() {
        Api.Response r = as("secretaire").multipart(ACTS, new Api.Multipart().metadata(Acts.metadata(
                        Acts.uniqueNumber("H"), "deliberation", 1)).main("scan.jpg", SamplePdfs.jpeg(1600, 1100))
                .annex("tableau.png", SamplePdfs.png(640, 400)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.<List<String>>json("$.documents[*].mediaType")).containsExactly("image/jpeg", "image/png");
    }

    private static void assertRefused(Api.Response r, String field, String message) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.<String>json("$.detail")).isEqualTo("L'acte n'a pas été déposé : corrigez les champs signalés.");
        assertThat(r.errorFields()).as(r.toString()).containsExactly(field);
        assertThat(r.<String>json("$.errors[0].message")).contains(message);
    }

    /** A PNG signature and header chunk (no image data): what a decompression bomb shows before its data. */
    private static byte[] pngHeader(int width, int height) {
        ByteBuffer chunk = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width).putInt(height).put(new byte[] {8, 2, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(chunk.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4)
                .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})
                .putInt(13).put(chunk.array()).putInt((int) crc.getValue()).array();
    }

    private static byte[] pdfWithoutPages() {
        try (PDDocument doc = new PDDocument()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
