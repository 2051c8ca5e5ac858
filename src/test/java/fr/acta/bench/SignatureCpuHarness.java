package fr.acta.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A companion to {@link SignatureBench} for a machine shared with other work: it interleaves Acta
 * and the two DSS floors operation by operation (rotating their order) and reports the median
 * CPU time of the calling thread per signature, which other processes' load barely moves, next to
 * the median wall time. Same state and operations as the JMH benchmark, in this JVM.
 */
public final class SignatureCpuHarness {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SignatureCpuHarness() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        System.out.println("| level | placement | Acta CPU ms | DSS sign CPU ms | DSS sign + check CPU ms "
                + "| Acta / (sign + check) | Acta / sign | wall ms: Acta, sign, sign + check |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (String level : new String[] {"B", "T", "LT"}) {
            for (String placement : new String[] {"invisible", "area", "tag"}) {
                SignatureBench b = new SignatureBench();
                b.level = level;
                b.placement = placement;
                b.setUp();
                @SuppressWarnings("unchecked")
                Supplier<Object>[] ops = new Supplier[] {b::acta, b::floorSign, b::floorSignAndCheck};
                double[][] cpu = new double[3][rounds];
                double[][] wall = new double[3][rounds];
                for (int r = 0; r < warmup + rounds; r++) {
                    for (int k = 0; k < 3; k++) {
                        int op = (r + k) % 3;
                        long c0 = THREADS.getCurrentThreadCpuTime();
                        long w0 = System.nanoTime();
                        ops[op].get();
                        long c1 = THREADS.getCurrentThreadCpuTime();
                        long w1 = System.nanoTime();
                        if (r >= warmup) {
                            cpu[op][r - warmup] = (c1 - c0) / 1e6;
                            wall[op][r - warmup] = (w1 - w0) / 1e6;
                        }
                    }
                }
                double acta = median(cpu[0]);
                double sign = median(cpu[1]);
                double check = median(cpu[2]);
                System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.2f | %.2f | %.0f, %.0f, %.0f |%n",
                        level, placement, acta, sign, check, acta / check, acta / sign,
                        median(wall[0]), median(wall[1]), median(wall[2]));
            }
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
