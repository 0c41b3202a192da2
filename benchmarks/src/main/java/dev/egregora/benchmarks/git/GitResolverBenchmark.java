package dev.egregora.benchmarks.git;

import dev.egregora.core.store.Workspace;
import dev.egregora.git.CodeReferenceDetector;
import dev.egregora.git.GitHistory;
import dev.egregora.git.GitHistoryLoader;
import dev.egregora.git.GitHistoryResolver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Resolver lookups over the loaded sample repository ({@code commits} commits): SHA prefix → commit, time → HEAD
 * of main then, path exists at a time, and the resolver's own load (two bulk queries + array build). Lookups run
 * {@value #BATCH} per invocation over precomputed random inputs; ns/op is per lookup (1e9 / ns = lookups/s).
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar 'dev.egregora.benchmarks.git.GitResolverBenchmark' -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GitResolverBenchmark {
    static final int BATCH = 4096;

    @Param({"10000"})
    public int commits;

    private Path site;
    private Workspace workspace;
    private GitHistory history;
    private GitHistoryResolver resolver;
    private CodeReferenceDetector detector;
    private String[] prefixes;
    private Instant[] times;
    private String[] paths;
    private String chatLine;

    @Setup(Level.Trial)
    public void load() {
        Path repo = BenchRepos.sample(commits);
        site = BenchRepos.tempSite();
        workspace = BenchRepos.workspace(site);
        history = new GitHistory(new GitHistoryLoader());
        history.load(workspace, repo);
        resolver = history.resolver(workspace, null);
        detector = history.codeReferences(workspace);
        SplittableRandom random = new SplittableRandom(1);
        List<String> shas = resolverShas();
        List<String> known = resolver.paths();
        long first = resolver.at(Instant.parse("2100-01-01T00:00:00Z")).orElseThrow().commitTime().getEpochSecond();
        long origin = Instant.parse("2020-01-06T00:00:00Z").getEpochSecond();
        prefixes = new String[BATCH];
        times = new Instant[BATCH];
        paths = new String[BATCH];
        for (int i = 0; i < BATCH; i++) {
            prefixes[i] = shas.get(random.nextInt(shas.size())).substring(0, 7 + random.nextInt(34));
            times[i] = Instant.ofEpochSecond(origin + random.nextLong(Math.max(1, first - origin)));
            paths[i] = known.get(random.nextInt(known.size()));
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            line.append("we talked about ").append(paths[i]).append(" in ").append(prefixes[i], 0, 7)
                    .append(", see the thread above. ");
        }
        chatLine = line.toString();
    }

    private List<String> resolverShas() {
        // every commit on the first-parent line of main, via time lookups from the newest backwards
        List<String> out = new java.util.ArrayList<>();
        Instant t = Instant.parse("2100-01-01T00:00:00Z");
        for (int i = 0; i < 2000; i++) {
            var c = resolver.at(t);
            if (c.isEmpty()) {
                break;
            }
            out.add(c.get().sha());
            t = c.get().commitTime().minusSeconds(1);
        }
        return out;
    }

    @TearDown(Level.Trial)
    public void close() {
        workspace.close();
        BenchRepos.delete(site);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int shaPrefix() {
        int found = 0;
        for (String p : prefixes) {
            found += resolver.commit(p).isPresent() ? 1 : 0;
        }
        return found;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int headAtTime() {
        int found = 0;
        for (Instant t : times) {
            found += resolver.at(t).isPresent() ? 1 : 0;
        }
        return found;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int pathExistsAt() {
        int found = 0;
        for (int i = 0; i < BATCH; i++) {
            found += resolver.existsAt(paths[i], times[i]) ? 1 : 0;
        }
        return found;
    }

    /** One chat line of ~50 file and ~50 commit references (ns per line). */
    @Benchmark
    public int codeReferencesInALine() {
        return detector.find(chatLine, times[0]).size();
    }

    /** Two bulk queries + building the arrays (ns per resolver). */
    @Benchmark
    public int loadResolver() {
        return history.resolver(workspace, null).lineLength();
    }
}
