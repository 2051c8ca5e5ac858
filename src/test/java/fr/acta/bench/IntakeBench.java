package fr.acta.bench;

import fr.acta.bench.BenchPayloads.ActPayload;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Intake over real HTTP: {@code acts} acts (660 KB PDF + small PDF annex + PNG annex) posted by
 * {@code concurrency} closed-loop clients as secretaire, after a warm-up. Any answer but 201 is an
 * error and is printed.
 */
final class IntakeBench {

    private IntakeBench() {
    }

    /** Posts the acts and returns the figures; the system is not settled afterwards. */
    static Map<String, Object> run(BenchApp app, List<ActPayload> acts, int concurrency) throws InterruptedException {
        BenchHttp secretaire = app.as("secretaire");
        BenchHttp.Multipart[] bodies = acts.stream().map(BenchHttp.Multipart::of).toArray(BenchHttp.Multipart[]::new);
        long[] latencies = new long[acts.size()];
        AtomicInteger errors = new AtomicInteger();
        double loadBefore = BenchApp.loadAverage();
        long wall = BenchStats.runConcurrently(acts.size(), concurrency, i -> {
            BenchHttp.Result r = secretaire.postMultipart(BenchApp.ACTS, bodies[i]);
            latencies[i] = r.nanos();
            if (r.status() != 201) {
                errors.incrementAndGet();
                System.err.printf("intake error: act %s -> HTTP %d %s%n", acts.get(i).number(), r.status(),
                        r.body().length() > 1000 ? r.body().substring(0, 1000) : r.body());
            }
        });
        double loadAfter = BenchApp.loadAverage();
        long jobsLeft = app.pendingJobs();
        long bytes = acts.stream().mapToLong(ActPayload::bytes).sum();

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("acts", acts.size());
        out.put("concurrency", concurrency);
        out.put("bytesPerAct", bytes / Math.max(1, acts.size()));
        out.put("wallSeconds", BenchStats.round(wall / 1e9, 3));
        out.put("actsPerSecond", BenchStats.round(BenchStats.perSecond(acts.size(), wall), 2));
        out.put("megabytesPerSecond", BenchStats.round(bytes / 1e6 / (wall / 1e9), 2));
        out.put("latencyMsP50", BenchStats.round(BenchStats.percentileMillis(latencies, 50), 1));
        out.put("latencyMsP95", BenchStats.round(BenchStats.percentileMillis(latencies, 95), 1));
        out.put("latencyMsP99", BenchStats.round(BenchStats.percentileMillis(latencies, 99), 1));
        out.put("latencyMsMax", BenchStats.round(BenchStats.percentileMillis(latencies, 100), 1));
        out.put("latencyMsMean", BenchStats.round(BenchStats.meanMillis(latencies), 1));
        out.put("errors", errors.get());
        out.put("lifecycleJobsPendingAtEnd", jobsLeft);
        out.put("loadAverageBefore", loadBefore);
        out.put("loadAverageAfter", loadAfter);
        return out;
    }

    /** Posts the warm-up acts (same shape, other numbers), then brings the system back to rest. */
    static Map<String, Object> warmUp(BenchApp app, List<ActPayload> acts, int concurrency) throws InterruptedException {
        Map<String, Object> result = run(app, acts, concurrency);
        long settle = app.settle(Duration.ofMinutes(10));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("acts", acts.size());
        out.put("actsPerSecond", result.get("actsPerSecond"));
        out.put("errors", result.get("errors"));
        out.put("settleMillis", settle);
        return out;
    }
}
