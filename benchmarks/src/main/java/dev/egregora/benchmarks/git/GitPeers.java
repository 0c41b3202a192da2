package dev.egregora.benchmarks.git;

import dev.egregora.core.port.RevisionDates;
import dev.egregora.core.store.Workspace;
import dev.egregora.git.GitHistory;
import dev.egregora.git.GitHistoryLoader;
import dev.egregora.git.GitHistoryResolver;
import dev.egregora.git.LoadOptions;
import dev.egregora.git.LoadSummary;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Side-by-side timings for {@code benchmarks/scripts/git-peers.sh}, alternating the contenders round by round in
 * one JVM so machine noise hits all of them alike:
 * <ul>
 *   <li>{@code git log --all --name-status --no-renames --diff-merges=first-parent -z} alone (output discarded);</li>
 *   <li>the same, parsed into our tables ({@link GitLogCliLoader});</li>
 *   <li>our JGit loader, default options (binary detection on) and without binary detection;</li>
 * </ul>
 * then the N+1 pattern: {@code git log -1 --format=%ct -- PATH} for N paths, against one {@code RevisionDates.of}
 * call over the same paths (after loading the resolver).
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.egregora.benchmarks.git.GitPeers generate COMMITS} (prints the
 * path) | {@code load REPO ROUNDS} | {@code nplus1 REPO PATHS}.
 */
public final class GitPeers {
    private GitPeers() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        switch (args[0]) {
            case "generate" -> out.println(BenchRepos.sample(Integer.parseInt(args[1])));
            case "load" -> load(Path.of(args[1]), Integer.parseInt(args[2]), out);
            case "nplus1" -> nPlusOne(Path.of(args[1]), Integer.parseInt(args[2]), out);
            default -> throw new IllegalArgumentException("generate COMMITS | load REPO ROUNDS | nplus1 REPO PATHS");
        }
    }

    private static void load(Path repo, int rounds, PrintStream out) throws Exception {
        String[] names = {"git log (raw, discarded)", "git log parsed into tables", "jgit loader (binary on)",
                "jgit loader (binary off)"};
        double[][] ms = new double[names.length][rounds];
        double[][] cpu = new double[names.length][rounds];
        long commits = 0;
        for (int r = 0; r < rounds; r++) {
            double[] raw = timeRawGitLog(repo);
            ms[0][r] = raw[0];
            cpu[0][r] = raw[1];
            Path site = BenchRepos.tempSite();
            try (Workspace ws = BenchRepos.workspace(site)) {
                long t = System.nanoTime();
                long c = processCpuNanos();
                GitLogCliLoader cli = new GitLogCliLoader();
                commits = cli.load(ws, repo);
                ms[1][r] = (System.nanoTime() - t) / 1e6;
                cpu[1][r] = (processCpuNanos() - c) / 1e6 + cli.lastGitCpuMillis();
            } finally {
                BenchRepos.delete(site);
            }
            for (int k = 0; k < 2; k++) {
                site = BenchRepos.tempSite();
                try (Workspace ws = BenchRepos.workspace(site)) {
                    long t = System.nanoTime();
                    long c = processCpuNanos();
                    LoadSummary s = new GitHistoryLoader().load(ws, repo,
                            LoadOptions.defaults().withBinaryDetection(k == 0));
                    ms[2 + k][r] = (System.nanoTime() - t) / 1e6;
                    cpu[2 + k][r] = (processCpuNanos() - c) / 1e6;
                    if (s.totalCommits() != commits) {
                        out.printf("note: commit counts differ (%d vs %d): the repository changed during the run%n",
                                s.totalCommits(), commits);
                    }
                } finally {
                    BenchRepos.delete(site);
                }
            }
            out.printf(Locale.ROOT, "round %d wall/cpu ms: raw %.0f/%.0f, cli-parsed %.0f/%.0f, jgit %.0f/%.0f, "
                            + "jgit-nobinary %.0f/%.0f%n", r + 1, ms[0][r], cpu[0][r], ms[1][r], cpu[1][r],
                    ms[2][r], cpu[2][r], ms[3][r], cpu[3][r]);
        }
        out.printf(Locale.ROOT, "%s: %,d commits, %d rounds (first round is warm-up and excluded when rounds > 2); "
                + "cpu = user+sys of git plus this JVM's process CPU (all threads, JIT and GC included)%n",
                repo, commits, rounds);
        double[] med = new double[names.length];
        double[] medCpu = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            med[i] = median(rounds > 2 ? Arrays.copyOfRange(ms[i], 1, rounds) : ms[i]);
            medCpu[i] = median(rounds > 2 ? Arrays.copyOfRange(cpu[i], 1, rounds) : cpu[i]);
        }
        for (int i = 0; i < names.length; i++) {
            out.printf(Locale.ROOT, "  %-28s wall median %6.0f ms (x%.2f of git log parsed, x%.2f of raw)   "
                            + "cpu median %6.0f ms (x%.2f, x%.2f)%n",
                    names[i], med[i], med[i] / med[1], med[i] / med[0], medCpu[i], medCpu[i] / medCpu[1],
                    medCpu[i] / medCpu[0]);
        }
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void nPlusOne(Path repo, int n, PrintStream out) throws Exception {
        Path site = BenchRepos.tempSite();
        try (Workspace ws = BenchRepos.workspace(site)) {
            GitHistory history = new GitHistory(new GitHistoryLoader());
            history.load(ws, repo);
            long t0 = System.nanoTime();
            GitHistoryResolver resolver = history.resolver(ws, null);
            double resolverMs = (System.nanoTime() - t0) / 1e6;
            List<String> all = resolver.paths();
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < n && i < all.size(); i++) {
                paths.add(all.get((int) ((long) i * all.size() / Math.min(n, all.size()))));
            }
            long t1 = System.nanoTime();
            Map<String, RevisionDates.Revision> dates = resolver.of(paths);
            double bulkMs = (System.nanoTime() - t1) / 1e6;

            long t2 = System.nanoTime();
            int agree = 0;
            for (String p : paths) {
                Process proc = new ProcessBuilder("git", "log", "-1", "--first-parent", "--format=%at", "main", "--", p)
                        .directory(repo.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                proc.getOutputStream().close();
                String ts;
                try (InputStream in = proc.getInputStream()) {
                    ts = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
                }
                proc.waitFor();
                RevisionDates.Revision rev = dates.get(p);
                if (rev != null && !ts.isEmpty() && rev.updated().getEpochSecond() == Long.parseLong(ts)) {
                    agree++;
                }
            }
            double spawnMs = (System.nanoTime() - t2) / 1e6;
            out.printf(Locale.ROOT, "%d paths: git log -1 per path %.0f ms (%.2f ms/spawn); resolver load %.1f ms + "
                            + "one bulk call %.2f ms; ratio x%.0f (x%.0f including the resolver load); "
                            + "%d/%d updated dates agree%n",
                    paths.size(), spawnMs, spawnMs / paths.size(), resolverMs, bulkMs, spawnMs / bulkMs,
                    spawnMs / (bulkMs + resolverMs), agree, paths.size());
        } finally {
            BenchRepos.delete(site);
        }
    }

    /** {wall ms, user+sys ms} of one raw git log run (CPU via /usr/bin/time). */
    private static double[] timeRawGitLog(Path repo) throws IOException, InterruptedException {
        java.nio.file.Path times = java.nio.file.Files.createTempFile("git-time", ".txt");
        try {
            long t = System.nanoTime();
            List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S", "-o", times.toString()));
            cmd.addAll(GitLogCliLoader.command());
            Process p = new ProcessBuilder(cmd).directory(repo.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            try (InputStream in = p.getInputStream()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            p.waitFor();
            double wall = (System.nanoTime() - t) / 1e6;
            return new double[] {wall, GitLogCliLoader.cpuMillis(times)};
        } finally {
            java.nio.file.Files.deleteIfExists(times);
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
