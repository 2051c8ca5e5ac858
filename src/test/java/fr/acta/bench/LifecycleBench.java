package fr.acta.bench;

import com.fasterxml.jackson.databind.JsonNode;
import fr.acta.bench.BenchPayloads.ActPayload;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole lifecycle on circuit {@code arrete} (one PAdES signature, the maire's): the acts are submitted by
 * {@code concurrency} clients while a driver thread polls the maire's tasks and signs each one
 * as soon as it shows. Measured from the first submission until every act's lifecycle is over (its COMPLETED event); the
 * per-act instants come from the acts' own history (act_event) and the tasks' creation times.
 * Expects a system at rest (no other pending task, no job).
 */
final class LifecycleBench {

    private LifecycleBench() {
    }

    static Map<String, Object> run(BenchApp app, List<ActPayload> acts, int concurrency, String numberPrefix,
                                   Duration timeout) throws InterruptedException {
        BenchHttp secretaire = app.as("secretaire");
        BenchHttp maire = app.as("maire");
        BenchHttp.Multipart[] bodies = acts.stream().map(BenchHttp.Multipart::of).toArray(BenchHttp.Multipart[]::new);
        Instant[] submitted = new Instant[acts.size()];
        String[] actIds = new String[acts.size()];
        Map<String, Instant> taskCreated = new ConcurrentHashMap<>();
        Map<String, Instant> approved = new ConcurrentHashMap<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger polls = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();

        Thread driver = new Thread(() -> {
            while (!stop.get()) {
                BenchHttp.Result tasks = maire.get(BenchApp.TASKS);
                polls.incrementAndGet();
                if (tasks.status() != 200) {
                    errors.incrementAndGet();
                    System.err.println("lifecycle: GET tasks -> HTTP " + tasks.status() + " " + tasks.body());
                    sleep(100);
                    continue;
                }
                JsonNode list = tasks.json();
                for (JsonNode task : list) {
                    String actId = task.get("actId").asText();
                    taskCreated.put(actId, Instant.parse(task.get("createdAt").asText()));
                    BenchHttp.Result r = maire.postJson(BenchApp.TASKS + "/" + task.get("id").asText(),
                            "{\"decision\":\"SIGN\",\"password\":\"demo\"}");
                    if (r.status() == 204) {
                        approved.put(actId, Instant.now());
                    } else {
                        errors.incrementAndGet();
                        System.err.println("lifecycle: approve -> HTTP " + r.status() + " " + r.body());
                    }
                }
                if (list.isEmpty()) {
                    sleep(20);
                }
            }
        }, "bench-maire-driver");
        driver.setDaemon(true);

        double loadBefore = BenchApp.loadAverage();
        Instant first = Instant.now();
        driver.start();
        long submitNanos = BenchStats.runConcurrently(acts.size(), concurrency, i -> {
            submitted[i] = Instant.now();
            BenchHttp.Result r = secretaire.postMultipart(BenchApp.ACTS, bodies[i]);
            if (r.status() == 201) {
                actIds[i] = r.json().get("id").asText();
            } else {
                errors.incrementAndGet();
                System.err.printf("lifecycle: submit %s -> HTTP %d %s%n", acts.get(i).number(), r.status(), r.body());
            }
        });
        String like = numberPrefix + "%";
        long deadline = System.nanoTime() + timeout.toNanos();
        long completed = 0;
        while (System.nanoTime() < deadline) {
            completed = app.count("select count(*) from act where number like ? and state in ('COMPLETED', 'ACKNOWLEDGED', 'ARCHIVED')", like);
            if (completed >= acts.size() - errors.get() && completed > 0 || completed == acts.size()) {
                break;
            }
            Thread.sleep(50);
        }
        stop.set(true);
        driver.join(10_000);
        double loadAfter = BenchApp.loadAverage();

        Map<String, Instant> completedAt = new HashMap<>();
        app.jdbc.query("select a.id, e.at from act a join act_event e on e.act_id = a.id and e.event = 'COMPLETED' "
                + "where a.number like ?", rs -> {
            completedAt.put(rs.getString(1), rs.getObject(2, Timestamp.class).toInstant());
        }, like);
        Instant last = completedAt.values().stream().max(Instant::compareTo).orElse(Instant.now());
        long[] total = new long[completedAt.size()];
        long[] toTask = new long[completedAt.size()];
        long[] approveToDone = new long[completedAt.size()];
        int k = 0;
        for (int i = 0; i < acts.size(); i++) {
            Instant done = actIds[i] == null ? null : completedAt.get(actIds[i]);
            if (done == null) {
                continue;
            }
            total[k] = Duration.between(submitted[i], done).toNanos();
            Instant created = taskCreated.get(actIds[i]);
            Instant approval = approved.get(actIds[i]);
            toTask[k] = created == null ? 0 : Duration.between(submitted[i], created).toNanos();
            approveToDone[k] = approval == null ? 0 : Duration.between(approval, done).toNanos();
            k++;
        }
        long wall = Duration.between(first, last).toNanos();

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("acts", acts.size());
        out.put("concurrency", concurrency);
        out.put("completed", completedAt.size());
        out.put("wallSeconds", BenchStats.round(wall / 1e9, 3));
        out.put("submitSeconds", BenchStats.round(submitNanos / 1e9, 3));
        out.put("instancesStartedPerSecond", BenchStats.round(BenchStats.perSecond(acts.size(), submitNanos), 2));
        out.put("instancesStartedAndCompletedPerSecond",
                BenchStats.round(BenchStats.perSecond(completedAt.size(), wall), 2));
        out.put("submitToCompletedMsP50", BenchStats.round(BenchStats.percentileMillis(total, 50), 1));
        out.put("submitToCompletedMsP95", BenchStats.round(BenchStats.percentileMillis(total, 95), 1));
        out.put("submitToVisaTaskMsP50", BenchStats.round(BenchStats.percentileMillis(toTask, 50), 1));
        out.put("approveToCompletedMsP50", BenchStats.round(BenchStats.percentileMillis(approveToDone, 50), 1));
        out.put("approveToCompletedMsP95", BenchStats.round(BenchStats.percentileMillis(approveToDone, 95), 1));
        out.put("approvals", approved.size());
        out.put("taskPolls", polls.get());
        out.put("errors", errors.get());
        out.put("incidents", app.incidents());
        out.put("loadAverageBefore", loadBefore);
        out.put("loadAverageAfter", loadAfter);
        return out;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
