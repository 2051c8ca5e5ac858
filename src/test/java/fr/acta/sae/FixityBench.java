package fr.acta.sae;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Benchmark of the fixity audit's hashing ({@link Fixity#sha256}, the code each location's audit
 * thread runs over its copies) against {@code sha256sum} over the same files, both single-threaded,
 * page cache warm for both. Not a unit test; run through the bench profile:
 *
 * <pre>mvn -q -Pbench test-compile exec:java -Dbench=fixity [-Dbench.files=100] [-Dbench.fileBytes=4000000]
 *     [-Dbench.rounds=3]</pre>
 *
 * Prints the throughput of each (MB/s, 10^6 bytes) and their ratio, best of the rounds, and writes
 * {@code target/bench-fixity-results.json}. Exits 3 if a digest differs between the two.
 */
public final class FixityBench {

    private FixityBench() {
    }

    public static int run() throws IOException, InterruptedException {
        int files = Integer.getInteger("bench.files", 100);
        int size = Integer.getInteger("bench.fileBytes", 4_000_000);
        int rounds = Integer.getInteger("bench.rounds", 3);
        Path root = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bench-fixity-");
        try {
            List<Path> paths = write(root, files, size);
            long bytes = (long) files * size;
            Map<String, String> reference = sha256sum(paths);
            double bestJava = 0;
            double bestTool = 0;
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                Map<String, String> ours = new HashMap<>();
                for (Path p : paths) {
                    ours.put(p.toString(), Fixity.sha256(p));
                }
                double java = bytes / 1e6 / ((System.nanoTime() - t0) / 1e9);
                long t1 = System.nanoTime();
                Map<String, String> theirs = sha256sum(paths);
                double tool = bytes / 1e6 / ((System.nanoTime() - t1) / 1e9);
                if (!ours.equals(reference) || !theirs.equals(reference)) {
                    System.err.println("INVALID RUN: the digests differ");
                    return 3;
                }
                bestJava = Math.max(bestJava, java);
                bestTool = Math.max(bestTool, tool);
                System.out.printf("round %d: audit hashing %.0f MB/s, sha256sum %.0f MB/s%n", r + 1, java, tool);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("files", files);
            result.put("fileBytes", size);
            result.put("rounds", rounds);
            result.put("auditMegabytesPerSecond", Math.round(bestJava));
            result.put("sha256sumMegabytesPerSecond", Math.round(bestTool));
            result.put("ratio", Math.round(bestJava / bestTool * 100) / 100.0);
            result.put("target", 0.8);
            System.out.println("fixity: " + result);
            Files.writeString(Path.of("target", "bench-fixity-results.json"), json(result));
            return 0;
        } finally {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Random files laid out as a storage location: {@code demo/sha256/ab/cd/{sha256}}. */
    private static List<Path> write(Path root, int files, int size) throws IOException {
        Random random = new Random(42);
        byte[] content = new byte[size];
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            random.nextBytes(content);
            String sha256 = Fixity.sha256Hex(content);
            Path file = root.resolve("demo/sha256").resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4))
                    .resolve(sha256);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            paths.add(file);
        }
        return paths;
    }

    /** {@code sha256sum} over the files, 200 per process: path to digest. */
    private static Map<String, String> sha256sum(List<Path> paths) throws IOException, InterruptedException {
        Map<String, String> digests = new HashMap<>();
        for (int from = 0; from < paths.size(); from += 200) {
            List<String> command = new ArrayList<>(List.of("sha256sum"));
            paths.subList(from, Math.min(paths.size(), from + 200)).forEach(p -> command.add(p.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out;
            try (InputStream in = process.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (process.waitFor() != 0) {
                throw new IOException("sha256sum failed: " + out);
            }
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    digests.put(line.substring(66), line.substring(0, 64));
                }
            }
        }
        return digests;
    }

    private static String json(Map<String, Object> map) {
        StringBuilder s = new StringBuilder("{");
        map.forEach((k, v) -> s.append(s.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(v));
        return s.append("}\n").toString();
    }
}
