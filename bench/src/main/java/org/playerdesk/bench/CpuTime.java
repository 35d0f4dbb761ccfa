package org.playerdesk.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the load generator (this process) and of the node under test ({@code /proc/<pid>/stat},
 * user and system time), so that a scenario says how much of the shared machine each took.
 */
final class CpuTime {

    /** Linux's clock ticks a second ({@code getconf CLK_TCK}); 100 on every usual kernel. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long nodePid;

    CpuTime(long nodePid) {
        this.nodePid = nodePid;
    }

    record Reading(long wallNanos, long loadNanos, long nodeNanos) {

        /** What was spent since {@code before}, for {@code requests} requests. */
        Share since(Reading before, long requests) {
            double wall = (wallNanos - before.wallNanos) / 1e9;
            double load = (loadNanos - before.loadNanos) / 1e9;
            double node = nodeNanos < 0 || before.nodeNanos < 0 ? Double.NaN : (nodeNanos - before.nodeNanos) / 1e9;
            return new Share(round(load / wall), Double.isNaN(node) ? null : round(node / wall),
                    Double.isNaN(node) || requests == 0 ? null : round(node * 1000 / requests),
                    requests == 0 ? 0 : round(load * 1000 / requests));
        }
    }

    /**
     * Cores used on average while measured, by the load generator and by the node; the node's and
     * the load generator's CPU milliseconds per request.
     */
    record Share(double loadGeneratorCores, Double nodeCores, Double nodeCpuMsPerRequest,
            double loadGeneratorCpuMsPerRequest) {

        String line() {
            return nodeCores == null ? "  load generator %.2f cores".formatted(loadGeneratorCores)
                    : "  node %.2f cores (%s ms CPU/request), load generator %.2f cores".formatted(nodeCores,
                            nodeCpuMsPerRequest == null ? "-" : "%.1f".formatted(nodeCpuMsPerRequest), loadGeneratorCores);
        }
    }

    Reading read() {
        long load = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new Reading(System.nanoTime(), load, nodeNanos());
    }

    private long nodeNanos() {
        if (nodePid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + nodePid + "/stat"));
            // the command name may hold spaces; the fields after its closing parenthesis are fixed
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return (long) (ticks / TICKS_PER_SECOND * 1e9);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
