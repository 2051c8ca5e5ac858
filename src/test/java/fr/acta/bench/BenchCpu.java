package fr.acta.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time spent during a benchmark, by who spent it: the application's request threads, the
 * lifecycle's job executor, the benchmark's own HTTP clients, the rest of the JVM, and the embedded
 * PostgreSQL (its server and backend processes, from /proc). On a shared machine the wall-clock
 * figures move with the neighbours' load; CPU time per act moves much less, and tells the ceiling:
 * cores x 1000 / (CPU ms per act) acts per second.
 */
final class BenchCpu {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Path postmasterPid;
    private Map<String, Long> before;

    BenchCpu(Path actaHome) {
        this.postmasterPid = actaHome.resolve("postgres").resolve("postmaster.pid");
    }

    void start() {
        before = snapshot();
    }

    /** CPU milliseconds per act since {@link #start()}, by consumer, and the ceiling it implies. */
    Map<String, Object> perAct(int acts) {
        Map<String, Long> after = snapshot();
        Map<String, Object> out = new LinkedHashMap<>();
        double total = 0;
        for (String key : after.keySet()) {
            double ms = (after.get(key) - before.getOrDefault(key, 0L)) / 1e6 / Math.max(1, acts);
            out.put(key, BenchStats.round(ms, 1));
            if (!key.equals("jvmProcess") && !key.equals("benchClients")) {
                total += ms;
            }
        }
        out.put("actaTotal", BenchStats.round(total, 1));
        out.put("cpuBoundCeilingActsPerSecond",
                BenchStats.round(Runtime.getRuntime().availableProcessors() * 1000 / total, 1));
        return out;
    }

    private Map<String, Long> snapshot() {
        Map<String, Long> byGroup = new HashMap<>();
        long threadsTotal = 0;
        for (long id : THREADS.getAllThreadIds()) {
            ThreadInfo info = THREADS.getThreadInfo(id);
            long cpu = THREADS.getThreadCpuTime(id);
            if (info == null || cpu < 0) {
                continue;
            }
            if (info.getThreadName().startsWith("bench-client")) {
                continue; // counted when they finish: no snapshot is taken while they run
            }
            threadsTotal += cpu;
            byGroup.merge(group(info.getThreadName()), cpu, Long::sum);
        }
        long process = processCpuNanos();
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("requestThreads", byGroup.getOrDefault("requestThreads", 0L));
        out.put("jobExecutor", byGroup.getOrDefault("jobExecutor", 0L));
        out.put("bulkWorkers", byGroup.getOrDefault("bulkWorkers", 0L));
        // Garbage collection, JIT and other threads that ended are only in the process total.
        long clients = BenchStats.FINISHED_CLIENT_CPU.get();
        out.put("jvmOther", process - threadsTotal - clients + byGroup.getOrDefault("other", 0L));
        out.put("benchClients", byGroup.getOrDefault("benchClients", 0L) + clients);
        out.put("jvmProcess", process);
        out.put("postgres", postgresCpuNanos());
        return out;
    }

    private static String group(String name) {
        if (name.startsWith("http-nio")) {
            return "requestThreads";
        }
        if (name.startsWith("camundaTaskExecutor") || name.startsWith("JobExecutor")) {
            return "jobExecutor";
        }
        if (name.startsWith("bulk-signature")) {
            return "bulkWorkers";
        }
        if (name.startsWith("bench-") || name.startsWith("HttpClient")) {
            return "benchClients";
        }
        return "other";
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** The postmaster (with its reaped children) and its live children, from /proc/[pid]/stat. */
    private long postgresCpuNanos() {
        try {
            long master = Long.parseLong(Files.readAllLines(postmasterPid).get(0).strip());
            long ticks = 0;
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                    String[] f = stat(proc);
                    if (f == null) {
                        continue;
                    }
                    long pid = Long.parseLong(f[0]);
                    if (pid == master) {
                        ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]) + Long.parseLong(f[15])
                                + Long.parseLong(f[16]);
                    } else if (Long.parseLong(f[3]) == master) {
                        ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
                    }
                }
            }
            return ticks * 1_000_000_000L / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The fields of /proc/[pid]/stat, with the command name (which may hold spaces) collapsed. */
    private static String[] stat(Path proc) {
        try {
            String s = Files.readString(proc.resolve("stat"));
            int close = s.lastIndexOf(')');
            String rest = s.substring(close + 2);
            String[] tail = rest.split(" ");
            String[] fields = new String[tail.length + 2];
            fields[0] = s.substring(0, s.indexOf(' '));
            fields[1] = "comm";
            System.arraycopy(tail, 0, fields, 2, tail.length);
            return fields;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
