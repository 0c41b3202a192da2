package dev.egregora.benchmarks.git;

import dev.egregora.core.store.Workspace;
import dev.egregora.git.GitHistoryLoader;
import dev.egregora.git.LoadOptions;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Full load of the deterministic sample repository ({@code commits} commits, seed 42, repacked with deltas) into a
 * fresh site database: our JGit loader with and without binary detection, with line stats, and the peer, {@code git log
 * --name-status --no-renames --diff-merges=first-parent -z} parsed into the same tables. One load per invocation.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar 'dev.egregora.benchmarks.git.GitLoadBenchmark' -f 1 -wi 2 -i 5}
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GitLoadBenchmark {
    @Param({"10000"})
    public int commits;

    @Param({"jgit", "jgit-nobinary", "jgit-linestats", "git-cli-parsed"})
    public String loader;

    private Path repo;
    private Path site;
    private Workspace workspace;

    @Setup(Level.Trial)
    public void repository() {
        repo = BenchRepos.sample(commits);
    }

    @Setup(Level.Invocation)
    public void freshSite() {
        site = BenchRepos.tempSite();
        workspace = BenchRepos.workspace(site);
    }

    @TearDown(Level.Invocation)
    public void dropSite() {
        workspace.close();
        BenchRepos.delete(site);
    }

    @Benchmark
    public long load() {
        return switch (loader) {
            case "jgit" -> new GitHistoryLoader().load(workspace, repo, LoadOptions.defaults()).totalCommits();
            case "jgit-nobinary" -> new GitHistoryLoader().load(workspace, repo,
                    LoadOptions.defaults().withBinaryDetection(false)).totalCommits();
            case "jgit-linestats" -> new GitHistoryLoader().load(workspace, repo,
                    LoadOptions.defaults().withLineStats(true)).totalCommits();
            case "git-cli-parsed" -> new GitLogCliLoader().load(workspace, repo);
            default -> throw new IllegalArgumentException(loader);
        };
    }
}
