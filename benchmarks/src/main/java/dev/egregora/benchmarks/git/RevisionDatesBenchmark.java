package dev.egregora.benchmarks.git;

import dev.egregora.core.port.RevisionDates;
import dev.egregora.git.GitHistoryResolver;
import dev.egregora.git.store.HistoryColumns;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Revision dates for {@code paths} distinct paths in ONE {@link RevisionDates#of} call (what the site build asks),
 * over a synthetic linear history of {@code 5 * paths} commits with two changed paths per commit; and the cost of
 * building the resolver from those columns.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar 'dev.egregora.benchmarks.git.RevisionDatesBenchmark' -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RevisionDatesBenchmark {
    @Param({"10000"})
    public int paths;

    private HistoryColumns columns;
    private GitHistoryResolver resolver;
    private List<String> wanted;
    private String tip;

    @Setup(Level.Trial)
    public void build() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 5 * paths;
        String[] sha = new String[n];
        for (int i = 0; i < n; i++) {
            sha[i] = String.format("%016x%016x%08x", random.nextLong(), random.nextLong(), i);
        }
        String[] ordered = sha.clone();
        Arrays.sort(sha);
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(sha[i], i);
        }
        String[] firstParent = new String[n];
        long[] time = new long[n];
        String[] names = new String[n];
        for (int k = 0; k < n; k++) {
            int i = index.get(ordered[k]);
            firstParent[i] = k == 0 ? null : ordered[k - 1];
            time[i] = 1_600_000_000L + 600L * k;
            names[i] = "author " + (k % 17);
        }
        String[] pathNames = new String[paths];
        for (int p = 0; p < paths; p++) {
            pathNames[p] = "docs/section-" + (p % 97) + "/page-" + p + ".md";
        }
        int m = 2 * n;
        int[] changeCommit = new int[m];
        String[] changePath = new String[m];
        byte[] changeType = new byte[m];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < 2; j++) {
                int c = 2 * k + j;
                int p = k < paths ? k : random.nextInt(paths);
                if (j == 1) {
                    p = random.nextInt(paths);
                }
                changeCommit[c] = index.get(ordered[k]);
                changePath[c] = pathNames[p];
                changeType[c] = (byte) (k < paths && j == 0 ? 'A' : 'M');
            }
        }
        columns = new HistoryColumns(sha, firstParent, time, time, names, names, changeCommit, changePath,
                new String[m], changeType);
        tip = ordered[n - 1];
        resolver = GitHistoryResolver.of(columns, "main", tip);
        wanted = new ArrayList<>(List.of(pathNames));
    }

    @Benchmark
    public int revisionDatesInOneCall() {
        Map<String, RevisionDates.Revision> dates = resolver.of(wanted);
        return dates.size();
    }

    @Benchmark
    public int buildResolver() {
        return GitHistoryResolver.of(columns, "main", tip).lineLength();
    }
}
