package fr.acta.transmission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;

/** A préfecture return archive: envelope, message and letter, read in memory; a DTD anywhere refuses it. */
class PrefectureArchiveReaderTest {

    static final byte[] PDF = "%PDF-1.4\n% courrier de la préfecture\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    static byte[] tarGz(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(f.getValue().length);
                tar.putArchiveEntry(e);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] courrierArchive() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("EACT--SPREF0691-210690004-20250402-3.xml",
                PrefectureSamples.enveloppePrefecture().getBytes(StandardCharsets.ISO_8859_1));
        files.put("069-210690004-20250312-DEL_2025_014-DE-2-1_0.xml", PrefectureSamples.courrier("CourrierSimple",
                null, null).getBytes(StandardCharsets.ISO_8859_1));
        files.put("069-210690004-20250312-DEL_2025_014-DE-2-1_1.pdf", PDF);
        return tarGz(files);
    }

    @Test
    void a_return_archive_gives_its_envelope_its_message_and_its_letter() throws IOException {
        PrefectureArchive archive = PrefectureArchiveReader.read(courrierArchive());

        assertThat(archive.envelope().kind()).isEqualTo(PrefectureMessage.Kind.ENVELOPPE);
        assertThat(archive.envelope().siren()).isEqualTo("210690004");
        assertThat(archive.messages()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(PrefectureMessage.Kind.COURRIER_SIMPLE);
            assertThat(m.idActe()).isEqualTo(PrefectureSamples.ID);
        });
        assertThat(archive.files()).containsOnlyKeys("069-210690004-20250312-DEL_2025_014-DE-2-1_1.pdf");
        assertThat(archive.files().values().iterator().next()).isEqualTo(PDF);
    }

    @Test
    void an_archive_whose_message_carries_a_dtd_is_refused() throws IOException {
        byte[] evil = ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>"
                + "<CourrierSimple>&e;</CourrierSimple>").getBytes(StandardCharsets.UTF_8);
        byte[] archive = tarGz(Map.of("069-210690004-20250312-X-DE-2-1_0.xml", evil));

        assertThatThrownBy(() -> PrefectureArchiveReader.read(archive))
                .isInstanceOfSatisfying(PrefectureMessageException.class, e -> {
                    assertThat(e.unsafe()).isTrue();
                    assertThat(e.getMessage()).contains("069-210690004-20250312-X-DE-2-1_0.xml").contains("DTD");
                });
    }

    @Test
    void what_is_not_an_archive_is_refused() {
        assertThatThrownBy(() -> PrefectureArchiveReader.read(new byte[] {0x1f, (byte) 0x8b, 1, 2, 3}))
                .isInstanceOf(PrefectureMessageException.class).hasMessageContaining("illisible");
    }
}
