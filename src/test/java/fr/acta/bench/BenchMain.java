package fr.acta.bench;

import fr.acta.bench.BenchPayloads.ActPayload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reproducible benchmarks of Acta, run against the real application started in this JVM on its
 * embedded PostgreSQL. Not a unit test (Surefire excludes this package):
 *
 * <pre>mvn -q -Pbench test-compile exec:java -Dbench=intake|lifecycle|all</pre>
 *
 * (and {@code -Dbench=bulk|fixity|actes|transmission|search}, each described where it is run).
 *
 * System properties: {@code bench} (all), {@code bench.acts} (300), {@code bench.concurrency} (4),
 * {@code bench.warmup} (30), {@code bench.lifecycleActs} (100), {@code bench.timeoutSeconds} (900),
 * {@code bench.mainBytes} (660000), {@code bench.keep} (false: the bench home is deleted at the end).
 * Prints a table and writes {@code target/bench-results.json}. Exits 0, or 3 when any request failed.
 */
public final class BenchMain {

    static final double INTAKE_TARGET = 30.0;

    private BenchMain() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run();
        } catch (Throwable e) {
            e.printStackTrace();
            code = 1;
        }
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    private static int run() throws Exception {
        quietLogging();
        String bench = System.getProperty("bench", "all").strip().toLowerCase();
        if (bench.equals("bulk")) {
            return bulk(Integer.getInteger("bench.bulkActs", 100), Integer.getInteger("bench.concurrency", 4),
                    Duration.ofSeconds(Integer.getInteger("bench.timeoutSeconds", 900)));
        }
        if (bench.equals("search")) {
            return SearchBench.run();
        }
        if (bench.equals("fixity")) {
            return fr.acta.sae.FixityBench.run();
        }
        if (bench.equals("archive")) {
            return archive(Integer.getInteger("bench.acts", 200), Integer.getInteger("bench.concurrency", 2));
        }
        if (bench.equals("actes") || bench.equals("transmission")) {
            return transmission(bench, Integer.getInteger("bench.acts", bench.equals("actes") ? 300 : 50),
                    Integer.getInteger("bench.concurrency", 4));
        }
        if (!List.of("intake", "lifecycle", "all").contains(bench)) {
            throw new IllegalArgumentException("-Dbench must be intake, lifecycle or all, not " + bench);
        }
        boolean intake = !bench.equals("lifecycle");
        boolean lifecycle = !bench.equals("intake");
        int acts = Integer.getInteger("bench.acts", 300);
        int concurrency = Integer.getInteger("bench.concurrency", 4);
        int warmUp = Integer.getInteger("bench.warmup", 30);
        int lifecycleActs = Integer.getInteger("bench.lifecycleActs", 100);
        int mainBytes = Integer.getInteger("bench.mainBytes", 660_000);
        Duration timeout = Duration.ofSeconds(Integer.getInteger("bench.timeoutSeconds", 900));

        BenchReport report = new BenchReport();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bench", bench);
        config.put("acts", acts);
        config.put("concurrency", concurrency);
        config.put("warmUpActs", warmUp);
        config.put("lifecycleActs", lifecycleActs);
        config.put("circuit", "arrete");
        config.put("files", "main PDF ~" + mainBytes / 1000 + " KB, 1-page PDF annex, 800x600 PNG annex");
        report.put("config", config);

        log("generating payloads (untimed)");
        long t0 = System.nanoTime();
        BenchPayloads payloads = new BenchPayloads(mainBytes);
        List<ActPayload> warm = payloads.acts("W", warmUp, "arrete");
        List<ActPayload> intakeActs = intake ? payloads.acts("I", acts, "arrete") : List.of();
        List<ActPayload> lifecycleSet = lifecycle ? payloads.acts("L", lifecycleActs, "arrete") : List.of();
        ActPayload sample = warm.isEmpty() ? payloads.act("S00001", "arrete") : warm.get(0);
        config.put("bytesPerAct", sample.bytes());
        config.put("mainBytes", sample.main().length);
        config.put("annexPdfBytes", sample.annex().length);
        config.put("annexPngBytes", sample.png().length);
        config.put("payloadGenerationSeconds", BenchStats.round((System.nanoTime() - t0) / 1e9, 1));

        log("starting Acta (embedded PostgreSQL, fresh home under target/)");
        try (BenchApp app = BenchApp.start()) {
            config.put("startupMillis", app.startupMillis);
            config.put("actaHome", app.home.toString());
            config.put("jobExecutor", app.context.getEnvironment().getProperty("camunda.bpm.job-execution.core-pool-size")
                    + "-" + app.context.getEnvironment().getProperty("camunda.bpm.job-execution.max-pool-size")
                    + " threads");

            log("warm-up: " + warm.size() + " acts, then approve them and wait for rest");
            report.put("warmUp", IntakeBench.warmUp(app, warm, concurrency));

            int errors = 0;
            if (lifecycle) {
                // First: it needs a system at rest, and the intake leaves its acts waiting for their visa.
                log("lifecycle: " + lifecycleSet.size() + " acts, maire approving as tasks appear");
                BenchCpu cpu = new BenchCpu(app.home);
                cpu.start();
                Map<String, Object> result = LifecycleBench.run(app, lifecycleSet, concurrency, "L", timeout);
                report.put("lifecycle", result);
                report.put("lifecycleCpuMsPerAct", cpu.perAct(lifecycleSet.size()));
                errors += (Integer) result.get("errors");
                if ((Integer) result.get("completed") < lifecycleSet.size()) {
                    errors++;
                }
                app.settle(timeout);
            }
            if (intake) {
                log("floor: copy+SHA-256+fsync of the 3 files, Tika detection, PDFBox open (" + acts + " acts)");
                BenchCpu cpu = new BenchCpu(app.home);
                Map<String, Object> floor = FloorBench.run(app.home.resolve("bench-floor"), intakeActs, concurrency,
                        warmUp, cpu);
                report.put("floor", floor);
                log("intake: " + acts + " acts, " + concurrency + " clients");
                cpu.start();
                Map<String, Object> result = IntakeBench.run(app, intakeActs, concurrency);
                long drain0 = System.nanoTime();
                while (app.pendingJobs() > 0 && System.nanoTime() - drain0 < timeout.toNanos()) {
                    Thread.sleep(100);
                }
                result.put("lifecycleJobsDrainSecondsAfterEnd", BenchStats.round((System.nanoTime() - drain0) / 1e9, 1));
                result.put("incidents", app.incidents());
                report.put("intake", result);
                // Intake requests plus the lifecycle jobs they caused, up to the visa task (drained above).
                report.put("intakeCpuMsPerAct", cpu.perAct(acts));
                errors += (Integer) result.get("errors");
                if (Boolean.getBoolean("bench.jobsDeferred")) {
                    errors += deferredJobsIntake(app, payloads, acts, concurrency, report, timeout);
                }
                report.put("summary", summary(result, floor, (Map<String, Object>) report.get("lifecycle")));
            } else {
                report.put("summary", summary(null, null, (Map<String, Object>) report.get("lifecycle")));
            }
            report.write(Path.of("target", "bench-results.json"));
            if (errors > 0) {
                System.err.println("INVALID RUN: " + errors + " error(s), see above.");
                return 3;
            }
            return 0;
        }
    }

    /**
     * Diagnostic, opt-in: the same intake with the engine's job executor stopped, so that only the
     * request path (HTTP, checks, store, the intake transaction with the process start) uses the
     * CPU; the lifecycle jobs run afterwards. Not a way to run Acta: it tells the two costs apart.
     */
    private static int deferredJobsIntake(BenchApp app, BenchPayloads payloads, int acts, int concurrency,
                                          BenchReport report, Duration timeout) throws InterruptedException {
        List<ActPayload> deferred = payloads.acts("D", acts, "arrete");
        var jobExecutor = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) app.context
                .getBean(org.camunda.bpm.engine.ProcessEngine.class).getProcessEngineConfiguration()).getJobExecutor();
        log("intake with the job executor stopped (diagnostic): " + acts + " acts");
        jobExecutor.shutdown();
        BenchCpu cpu = new BenchCpu(app.home);
        cpu.start();
        Map<String, Object> result;
        try {
            result = IntakeBench.run(app, deferred, concurrency);
            report.put("intakeJobsDeferredCpuMsPerAct", cpu.perAct(acts));
        } finally {
            jobExecutor.start();
        }
        long drain0 = System.nanoTime();
        while (app.pendingJobs() > 0 && System.nanoTime() - drain0 < timeout.toNanos()) {
            Thread.sleep(100);
        }
        result.put("lifecycleJobsDrainSecondsAfterEnd", BenchStats.round((System.nanoTime() - drain0) / 1e9, 1));
        report.put("intakeJobsDeferred", result);
        return (Integer) result.get("errors");
    }

    /**
     * {@code -Dbench=actes}: @ctes packages per second against the tar.gz floor; {@code -Dbench=transmission}:
     * SIGNED to ACKNOWLEDGED through the sandbox préfecture, its delays at zero (circuit {@code cachet}).
     */
    private static int transmission(String bench, int count, int concurrency) throws Exception {
        BenchReport report = new BenchReport();
        log("generating " + count + " acts (untimed)");
        boolean packages = bench.equals("actes");
        List<ActPayload> acts = new BenchPayloads(660_000).acts(packages ? "P" : "T", count,
                packages ? "arrete" : "cachet");
        try (BenchApp app = BenchApp.start("--acta.simulators.prefecture.posted-to-waiting=0s",
                "--acta.simulators.prefecture.waiting-to-sent=0s", "--acta.simulators.prefecture.sent-to-answer=0s",
                "--acta.transmission.poll-initial=PT0.5S")) {
            Map<String, Object> result = packages
                    ? TransmissionBench.packages(app, acts, concurrency, Math.min(50, count / 5))
                    : TransmissionBench.signedToAcknowledged(app, acts, concurrency, Duration.ofMinutes(15));
            report.put(bench, result);
            report.write(Path.of("target", "bench-" + bench + "-results.json"));
            System.out.println(result);
            return 0;
        }
    }

    /** {@code -Dbench=archive}: SEDA packages built (against a ZIP-and-hash floor), then ingested by Acta's archive. */
    private static int archive(int count, int threads) throws Exception {
        BenchReport report = new BenchReport();
        log("generating " + count + " acts (untimed)");
        List<ActPayload> acts = new BenchPayloads(660_000).acts("A", count, "arrete");
        try (BenchApp app = BenchApp.start("--acta.sae.poll=PT0.05S")) {
            Map<String, Object> result = ArchiveBench.run(app, acts, threads, Math.min(40, count / 5));
            report.put("archive", result);
            report.write(Path.of("target", "bench-archive-results.json"));
            System.out.println(result);
            return result.get("accepted").equals(count - Math.min(40, count / 5)) ? 0 : 3;
        }
    }

    /** {@code -Dbench=bulk}: N acts on the maire's desk, signed in one bulk request. */
    private static int bulk(int count, int concurrency, Duration timeout) throws Exception {
        BenchReport report = new BenchReport();
        log("generating " + count + " acts (untimed)");
        List<ActPayload> acts = new BenchPayloads(660_000).acts("B", count, "arrete");
        try (BenchApp app = BenchApp.start()) {
            log("warm-up: 10 acts signed one by one");
            IntakeBench.warmUp(app, new BenchPayloads(660_000).acts("V", 10, "arrete"), concurrency);
            log("bulk: " + count + " acts submitted, then signed in one request");
            Map<String, Object> result = BulkBench.run(app, acts, concurrency, timeout, new BenchCpu(app.home));
            report.put("bulk", result);
            report.write(Path.of("target", "bench-bulk-results.json"));
            System.out.println(result);
            return (Integer) result.get("errors") == 0 ? 0 : 3;
        }
    }

    private static Map<String, Object> summary(Map<String, Object> intake, Map<String, Object> floor,
                                               Map<String, Object> lifecycle) {
        Map<String, Object> s = new LinkedHashMap<>();
        if (intake != null) {
            double actsPerSecond = (Double) intake.get("actsPerSecond");
            double floorPerSecond = (Double) floor.get("actsPerSecond");
            s.put("intakeActsPerSecond", actsPerSecond);
            s.put("intakeLatencyMsP50/P95/P99", intake.get("latencyMsP50") + " / " + intake.get("latencyMsP95")
                    + " / " + intake.get("latencyMsP99"));
            s.put("intakeErrors", intake.get("errors"));
            s.put("floorActsPerSecond", floorPerSecond);
            s.put("intakeToFloorRatio", BenchStats.round(actsPerSecond / floorPerSecond, 3));
            s.put("intakeTargetActsPerSecond", INTAKE_TARGET);
            s.put("intakeTargetMet", actsPerSecond >= INTAKE_TARGET);
        }
        if (lifecycle != null) {
            s.put("lifecycleStartedAndCompletedPerSecond", lifecycle.get("instancesStartedAndCompletedPerSecond"));
            s.put("lifecycleSubmitToCompletedMsP50", lifecycle.get("submitToCompletedMsP50"));
            s.put("lifecycleErrors", lifecycle.get("errors"));
        }
        s.put("loadAverageAtEnd", BenchApp.loadAverage());
        return s;
    }

    /** Before Spring configures logging, Logback logs everything: keep the payload generation quiet. */
    private static void quietLogging() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.pdfbox"))
                    .setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    private static void log(String message) {
        System.out.println("[bench] " + message);
        System.out.flush();
    }
}
