package fr.acta.bench;

import fr.acta.bench.BenchPayloads.ActPayload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/**
 * The library floor of an intake: what any intake of the same act must do at the very least, with
 * the same libraries, on the same disk and the same number of threads as the HTTP clients:
 * (a) write each of the 3 files to disk while computing its SHA-256, and fsync it;
 * (b) detect each file's type with Tika from its bytes, and open the PDF with PDFBox.
 * No HTTP, no database, no workflow, no second read. Expressed as acts per second.
 */
final class FloorBench {

    private FloorBench() {
    }

    static Map<String, Object> run(Path dir, List<ActPayload> acts, int concurrency, int warmUp, BenchCpu cpu)
            throws InterruptedException, IOException {
        Files.createDirectories(dir);
        Detector detector = TikaConfig.getDefaultConfig().getMimeRepository();
        // Warm-up on the first acts, untimed: class loading and JIT, as the intake warm-up does.
        BenchStats.runConcurrently(Math.min(warmUp, acts.size()), concurrency, i -> floor(dir, acts.get(i), detector));
        double loadBefore = BenchApp.loadAverage();
        cpu.start();
        long wall = BenchStats.runConcurrently(acts.size(), concurrency, i -> floor(dir, acts.get(i), detector));
        double loadAfter = BenchApp.loadAverage();
        Map<String, Object> cpuPerAct = cpu.perAct(acts.size());
        BenchApp.deleteTree(dir);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("acts", acts.size());
        out.put("concurrency", concurrency);
        out.put("wallSeconds", BenchStats.round(wall / 1e9, 3));
        out.put("actsPerSecond", BenchStats.round(BenchStats.perSecond(acts.size(), wall), 2));
        out.put("cpuMsPerAct", cpuPerAct.get("benchClients"));
        out.put("loadAverageBefore", loadBefore);
        out.put("loadAverageAfter", loadAfter);
        return out;
    }

    /** The floor work of one act; its files are deleted afterwards (an unlink, inside the timing: it is cheap). */
    private static void floor(Path dir, ActPayload act, Detector detector) {
        try {
            Path main = write(dir, act.main());
            Path annex = write(dir, act.annex());
            Path png = write(dir, act.png());
            expect(detect(detector, main), "application/pdf");
            expect(detect(detector, annex), "application/pdf");
            expect(detect(detector, png), "image/png");
            try (PDDocument pdf = Loader.loadPDF(new RandomAccessReadBufferedFile(main.toFile()))) {
                if (pdf.getNumberOfPages() == 0) {
                    throw new IllegalStateException("Empty PDF");
                }
            }
            Files.delete(main);
            Files.delete(annex);
            Files.delete(png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the bytes to a new file while hashing them, then forces them to disk. */
    private static Path write(Path dir, byte[] content) throws IOException {
        Path file = dir.resolve(UUID.randomUUID() + ".part");
        MessageDigest digest = sha256();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int off = 0; off < content.length; off += 8192) {
                int n = Math.min(8192, content.length - off);
                digest.update(content, off, n);
                ByteBuffer buf = ByteBuffer.wrap(content, off, n);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
            ch.force(true);
        }
        if (HexFormat.of().formatHex(digest.digest()).length() != 64) {
            throw new IllegalStateException("SHA-256");
        }
        return file;
    }

    private static String detect(Detector detector, Path file) throws IOException {
        try (InputStream in = TikaInputStream.get(file)) {
            MediaType type = detector.detect(in, new Metadata());
            return type.toString();
        }
    }

    private static void expect(String actual, String expected) {
        if (!actual.equals(expected)) {
            throw new IllegalStateException("Detected " + actual + ", expected " + expected);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
