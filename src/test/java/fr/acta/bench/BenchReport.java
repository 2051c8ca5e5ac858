package fr.acta.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machine description, the results table on standard output and the JSON file. */
final class BenchReport {

    private final Map<String, Object> results = new LinkedHashMap<>();

    BenchReport() {
        results.put("startedAt", Instant.now().toString());
        results.put("machine", machine());
    }

    void put(String key, Object value) {
        results.put(key, value);
    }

    Object get(String key) {
        return results.get(key);
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("cpuModel", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        String mem = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        m.put("memoryGiB", mem == null ? null
                : BenchStats.round(Long.parseLong(mem.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0, 1));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        try {
            FileStore store = Files.getFileStore(Path.of("target").toAbsolutePath());
            m.put("disk", store.name() + " (" + store.type() + ")");
        } catch (IOException e) {
            m.put("disk", "unknown");
        }
        m.put("loadAverageAtStart", BenchApp.loadAverage());
        return m;
    }

    private static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return null;
    }

    /** Writes the JSON results and prints every section as a two-column table. */
    void write(Path json) throws IOException {
        results.put("finishedAt", Instant.now().toString());
        Files.createDirectories(json.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), results);
        StringBuilder out = new StringBuilder("\n");
        for (var section : results.entrySet()) {
            if (section.getValue() instanceof Map<?, ?> map) {
                table(out, section.getKey(), map);
            }
        }
        out.append("Results written to ").append(json.toAbsolutePath()).append('\n');
        System.out.print(out);
        System.out.flush();
    }

    private static void table(StringBuilder out, String title, Map<?, ?> rows) {
        int width = rows.keySet().stream().mapToInt(k -> k.toString().length()).max().orElse(10);
        String rule = "+" + "-".repeat(width + 2) + "+" + "-".repeat(44) + "+\n";
        out.append(rule).append(String.format("| %-" + width + "s | %-42s |%n", title, "")).append(rule);
        for (var row : rows.entrySet()) {
            String value = row.getValue() instanceof List<?> list ? list.toString() : String.valueOf(row.getValue());
            out.append(String.format("| %-" + width + "s | %42s |%n", row.getKey(),
                    value.length() > 42 ? value.substring(0, 39) + "..." : value));
        }
        out.append(rule).append('\n');
    }
}
