package fr.acta.bench;

import fr.acta.testdata.SamplePdfs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.CRC32;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The acts the benchmarks submit, generated before any timing starts. Every act has its own bytes
 * (the store is content-addressed: identical files would be deduplicated and skip the write, fsync
 * and re-hash): a ~660 KB délibération whose document information carries the act number, a small
 * one-page PDF annex titled with the number, and a PNG with a text chunk naming the number.
 */
final class BenchPayloads {

    static final String MAIN_NAME = "deliberation.pdf";
    static final String ANNEX_NAME = "plan-de-financement.pdf";
    static final String PNG_NAME = "plan-de-situation.png";

    /** One act to submit: its number, metadata JSON and three files. */
    record ActPayload(String number, String metadata, byte[] main, byte[] annex, byte[] png) {
        long bytes() {
            return (long) main.length + annex.length + png.length;
        }
    }

    private final byte[] baseMain;
    private final byte[] basePng;

    BenchPayloads(int mainTargetBytes) {
        this.baseMain = SamplePdfs.deliberation("Valmont-sur-Saône", "BENCH",
                "Approbation du budget primitif 2026 du service de l'eau", mainTargetBytes);
        this.basePng = SamplePdfs.png(800, 600);
    }

    /** {@code count} acts numbered {@code prefix} + 5 digits, on the given circuit (generated in parallel). */
    List<ActPayload> acts(String prefix, int count, String circuit) {
        return IntStream.range(0, count).parallel().mapToObj(i -> act(prefix + "%05d".formatted(i + 1), circuit))
                .toList();
    }

    ActPayload act(String number, String circuit) {
        byte[] main = uniquePdf(baseMain, number);
        byte[] annex = SamplePdfs.annex("Plan de financement de l'acte " + number, 1);
        byte[] png = withTextChunk(basePng, "Comment", "Plan de situation, acte " + number);
        return new ActPayload(number, metadata(number, circuit), main, annex, png);
    }

    static String metadata(String number, String circuit) {
        return """
                {"nature":"DE","number":"%s","subject":"Approbation du budget primitif 2026 du service de l'eau",
                 "decisionDate":"2026-11-12","matiere":"7.1","mainDocumentType":"99_DE",
                 "annexTypes":["99_DE","99_DE"],"circuit":"%s","legalityControl":%s}
                """.formatted(number, circuit, System.getProperty("bench.legality", "true"));
    }

    /** The same PDF re-saved with the act number in its document information, so its hash is its own. */
    static byte[] uniquePdf(byte[] base, String number) {
        try (PDDocument doc = Loader.loadPDF(base)) {
            doc.getDocumentInformation().setTitle("Délibération n° " + number);
            doc.getDocumentInformation().setCustomMetadataValue("ActaBenchAct", number);
            ByteArrayOutputStream out = new ByteArrayOutputStream(base.length + 4096);
            doc.save(out);
            byte[] b = out.toByteArray();
            // As SamplePdfs does: the bytes end exactly with %%EOF.
            return b[b.length - 1] == '\n' ? Arrays.copyOf(b, b.length - 1) : b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inserts a PNG tEXt chunk just before IEND: a valid PNG with the same pixels and different bytes. */
    static byte[] withTextChunk(byte[] png, String keyword, String text) {
        byte[] data = (keyword + '\0' + text).getBytes(StandardCharsets.ISO_8859_1);
        byte[] type = "tEXt".getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(data);
        int iend = png.length - 12; // length(4) + "IEND"(4) + CRC(4)
        if (!new String(png, iend + 4, 4, StandardCharsets.US_ASCII).equals("IEND")) {
            throw new IllegalStateException("PNG does not end with IEND");
        }
        ByteBuffer out = ByteBuffer.allocate(png.length + 12 + data.length);
        out.put(png, 0, iend);
        out.putInt(data.length).put(type).put(data).putInt((int) crc.getValue());
        out.put(png, iend, 12);
        return out.array();
    }
}
