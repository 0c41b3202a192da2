package dev.egregora.benchmarks.llm;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of a piece of work by thread group (not wall time: the machine is shared): the calling thread ("caller",
 * {@code main}), the JDK HTTP client's threads ("client"), the fake model server's threads ("server", not ours) and
 * the rest ("other").
 */
final class ThreadCpu {
    private ThreadCpu() {
    }

    /** Runs {@code work} ({@code n} units) and prints wall and CPU milliseconds per unit and thread group. */
    static void report(String label, int n, String unit, Runnable work) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> before = byGroup(mx);
        long wall = System.nanoTime();
        work.run();
        wall = System.nanoTime() - wall;
        Map<String, Long> after = byGroup(mx);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-14s wall %.3f ms/%s", label,
                wall / 1e6 / n, unit));
        after.forEach((group, ns) -> sb.append(String.format(Locale.ROOT, "  %s %.3f", group,
                (ns - before.getOrDefault(group, 0L)) / 1e6 / n)));
        System.out.println(sb + " (CPU ms/" + unit + ")");
    }

    private static Map<String, Long> byGroup(ThreadMXBean mx) {
        Map<String, Long> out = new TreeMap<>();
        for (long id : mx.getAllThreadIds()) {
            ThreadInfo info = mx.getThreadInfo(id);
            long cpu = mx.getThreadCpuTime(id);
            if (info == null || cpu < 0) {
                continue;
            }
            String name = info.getThreadName();
            String group = name.equals("main") ? "caller" : name.startsWith("HttpClient") ? "client"
                    : name.startsWith("pool-") || name.startsWith("HTTP-Dispatcher") ? "server" : "other";
            out.merge(group, cpu, Long::sum);
        }
        return out;
    }
}
