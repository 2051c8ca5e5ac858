package fr.acta.bench;

import com.fasterxml.jackson.databind.JsonNode;
import fr.acta.bench.BenchPayloads.ActPayload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bulk signing: N acts wait on the maire's desk (circuit {@code arrete}, one PAdES signature at the
 * collectivité's level), then one request signs them all. Measured from the request until the job
 * reports every item done; the intake before it is not timed, and the clock starts once the intake's
 * own lifecycle jobs (text extraction…) are done. The time until the circuits' following jobs
 * (bordereau, end of lifecycle) are done is reported beside it.
 */
final class BulkBench {

    private BulkBench() {
    }

    static Map<String, Object> run(BenchApp app, List<ActPayload> acts, int concurrency, Duration timeout, BenchCpu cpu)
            throws InterruptedException {
        Map<String, Object> intake = IntakeBench.run(app, acts, concurrency);
        BenchHttp maire = app.as("maire");
        List<String> ids = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while ((ids.size() < acts.size() || app.pendingContinuations() > 0) && System.nanoTime() < deadline) {
            ids.clear();
            for (JsonNode task : maire.get(BenchApp.TASKS).json()) {
                ids.add(task.get("id").asText());
            }
            Thread.sleep(200);
        }
        double loadBefore = BenchApp.loadAverage();
        cpu.start();
        long t0 = System.nanoTime();
        BenchHttp.Result started = maire.postJson(BenchApp.TASKS + "/bulk-signature",
                "{\"taskIds\":[\"" + String.join("\",\"", ids) + "\"],\"password\":\"demo\"}");
        long accepted = System.nanoTime() - t0;
        String url = started.json().get("url").asText();
        JsonNode job = null;
        while (System.nanoTime() < deadline) {
            job = maire.get(url).json();
            if (job.get("done").asInt() == ids.size()) {
                break;
            }
            Thread.sleep(50);
        }
        long wall = System.nanoTime() - t0;
        while (app.pendingContinuations() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long settled = System.nanoTime() - t0;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("acts", ids.size());
        out.put("intakeActsPerSecond", intake.get("actsPerSecond"));
        out.put("acceptedMillis", BenchStats.round(accepted / 1e6, 1));
        out.put("wallSeconds", BenchStats.round(wall / 1e9, 2));
        out.put("msPerAct", BenchStats.round(wall / 1e6 / Math.max(1, ids.size()), 1));
        out.put("untilLifecycleIdleSeconds", BenchStats.round(settled / 1e9, 2));
        out.put("signed", job == null ? 0 : job.get("signed").asInt());
        out.put("refused", job == null ? 0 : job.get("refused").asInt());
        out.put("errors", (Integer) intake.get("errors") + (job == null ? ids.size()
                : ids.size() - job.get("signed").asInt()));
        out.put("cpuMsPerActUntilIdle", cpu.perAct(ids.size()));
        out.put("loadAverageBefore", loadBefore);
        out.put("loadAverageAfter", BenchApp.loadAverage());
        return out;
    }
}
