package fr.acta.bench;

import com.fasterxml.jackson.databind.JsonNode;
import fr.acta.act.Nature;
import fr.acta.bench.BenchPayloads.ActPayload;
import fr.acta.transmission.ActesFile;
import fr.acta.transmission.ActesPackage;
import fr.acta.transmission.ActesPackageBuilder;
import fr.acta.transmission.ActesPackageRequest;
import fr.acta.transmission.ActesSender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Issue 4's figures. {@code actes}: @ctes packages built per second for a 660 KB act with two
 * annexes (envelope serial from PostgreSQL, both XMLs written and checked against the ACTES XSD,
 * tar.gz), against the library floor: a tar.gz of the same three files with their SHA-256.
 * {@code transmission}: time from SIGNED to ACKNOWLEDGED through the sandbox préfecture with its
 * delays at zero, read from each act's history.
 */
final class TransmissionBench {

    private TransmissionBench() {
    }

    static Map<String, Object> packages(BenchApp app, List<ActPayload> acts, int threads, int warmUp)
            throws Exception {
        ActesPackageBuilder builder = app.context.getBean(ActesPackageBuilder.class);
        List<ActesPackageRequest> requests = acts.stream().map(TransmissionBench::request).toList();
        run(threads, requests.subList(0, warmUp), r -> builder.build(r).archive().length);
        run(threads, requests.subList(0, warmUp), TransmissionBench::floor);
        Map<String, Object> out = new LinkedHashMap<>();
        List<ActesPackageRequest> timed = requests.subList(warmUp, requests.size());
        double acta = run(threads, timed, r -> builder.build(r).archive().length);
        double floor = run(threads, timed, TransmissionBench::floor);
        out.put("packages", timed.size());
        out.put("threads", threads);
        out.put("actaPackagesPerSecond", BenchStats.round(acta, 1));
        out.put("floorPackagesPerSecond", BenchStats.round(floor, 1));
        out.put("ratioToFloor", BenchStats.round(acta / floor, 2));
        return out;
    }

    static Map<String, Object> signedToAcknowledged(BenchApp app, List<ActPayload> acts, int concurrency,
                                                    Duration timeout) throws InterruptedException {
        IntakeBench.run(app, acts, concurrency);
        BenchHttp secretaire = app.as("secretaire");
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Long> nanos = new ArrayList<>();
        for (ActPayload act : acts) {
            String id = app.jdbc.queryForObject("select id::text from act where number = ?", String.class, act.number());
            JsonNode view = null;
            while (System.nanoTime() < deadline) {
                view = secretaire.get(BenchApp.ACTS + "/" + id).json();
                if (view.get("history").findValuesAsText("event").contains("ACKNOWLEDGED")) {
                    break;
                }
                Thread.sleep(100);
            }
            Instant signed = null;
            Instant acknowledged = null;
            for (JsonNode e : view.get("history")) {
                String event = e.get("event").asText();
                if (event.equals("BORDEREAU")) {
                    signed = Instant.parse(e.get("at").asText());
                } else if (event.equals("ACKNOWLEDGED")) {
                    acknowledged = Instant.parse(e.get("at").asText());
                }
            }
            if (signed == null || acknowledged == null) {
                throw new IllegalStateException("Act " + act.number() + " not acknowledged: " + view);
            }
            nanos.add(Duration.between(signed, acknowledged).toNanos());
        }
        long[] all = nanos.stream().mapToLong(Long::longValue).toArray();
        java.util.Arrays.sort(all);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("p50Millis", BenchStats.round(BenchStats.percentileMillis(all, 50), 0));
        out.put("p95Millis", BenchStats.round(BenchStats.percentileMillis(all, 95), 0));
        out.put("meanMillis", BenchStats.round(BenchStats.meanMillis(all), 0));
        out.put("acts", acts.size());
        out.put("circuit", "cachet");
        return out;
    }

    private interface Work {
        int apply(ActesPackageRequest r) throws Exception;
    }

    private static double run(int threads, List<ActesPackageRequest> requests, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                int n;
                while ((n = next.getAndIncrement()) < requests.size()) {
                    work.apply(requests.get(n));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return requests.size() / ((System.nanoTime() - t0) / 1e9);
    }

    private static ActesPackageRequest request(ActPayload p) {
        return new ActesPackageRequest("210690004", "069", "1", Nature.DE, p.number(), LocalDate.of(2026, 11, 12),
                "Approbation du budget primitif 2026 du service de l'eau", "7.1", LocalDate.of(2026, 3, 15),
                new ActesFile("99_DE", BenchPayloads.MAIN_NAME, p.main()),
                List.of(new ActesFile("99_DE", BenchPayloads.ANNEX_NAME, p.annex()),
                        new ActesFile("99_DE", BenchPayloads.PNG_NAME, p.png())),
                null, false, new ActesSender("31", null, null, null, List.of("mairie@valmont.test")));
    }

    /** The library floor: the same three files hashed and put in a tar.gz. */
    private static int floor(ActesPackageRequest r) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
                List<ActesFile> files = new ArrayList<>(r.annexes());
                files.add(0, r.mainDocument());
                for (ActesFile f : files) {
                    MessageDigest.getInstance("SHA-256").digest(f.content());
                    TarArchiveEntry e = new TarArchiveEntry(f.fileName());
                    e.setSize(f.content().length);
                    tar.putArchiveEntry(e);
                    tar.write(f.content());
                    tar.closeArchiveEntry();
                }
            }
            return bytes.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
