package dev.egregora.benchmarks.git;

import dev.egregora.core.store.Workspace;
import dev.egregora.git.store.CommitRow;
import dev.egregora.git.store.FileChangeRow;
import dev.egregora.git.store.GitHistoryStore;
import dev.egregora.git.store.RepoRow;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The peer the issue names: {@code git log --all --name-status --no-renames --diff-merges=first-parent -z} (the C
 * CLI, one process) parsed as a byte stream into the same rows and appended through the same store, in one
 * transaction. No binary flag (git log does not report it without reading blobs), no full message (subject only):
 * it does strictly less work than our loader.
 */
final class GitLogCliLoader {
    static final String FORMAT = "--format=%x01%H%x00%P%x00%an%x00%ae%x00%at%x00%cn%x00%ce%x00%ct%x00%s";

    private double lastGitCpuMillis;

    static List<String> command() {
        return List.of("git", "log", "--all", "--name-status", "--no-renames", "--diff-merges=first-parent", "-z",
                FORMAT);
    }

    /** user+sys of the last git process, from {@code /usr/bin/time} (0 when unavailable). */
    double lastGitCpuMillis() {
        return lastGitCpuMillis;
    }

    static double cpuMillis(Path timesFile) {
        try {
            String[] f = java.nio.file.Files.readString(timesFile).strip().split("\\s+");
            return (Double.parseDouble(f[f.length - 2]) + Double.parseDouble(f[f.length - 1])) * 1000;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Runs git log in {@code repo} and loads its output; returns the number of commits. */
    long load(Workspace workspace, Path repo) {
        List<CommitRow> commits = new ArrayList<>();
        List<FileChangeRow> changes = new ArrayList<>();
        try {
            Path times = java.nio.file.Files.createTempFile("git-time", ".txt");
            List<String> cmd = new ArrayList<>();
            boolean timed = java.nio.file.Files.isExecutable(Path.of("/usr/bin/time"));
            if (timed) {
                cmd.addAll(List.of("/usr/bin/time", "-f", "%U %S", "-o", times.toString()));
            }
            cmd.addAll(command());
            Process p = new ProcessBuilder(cmd)
                    .directory(repo.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            try (InputStream in = new BufferedInputStream(p.getInputStream(), 1 << 16)) {
                parse(in, commits, changes);
            }
            if (p.waitFor() != 0) {
                throw new IllegalStateException("git log failed in " + repo);
            }
            lastGitCpuMillis = timed ? cpuMillis(times) : 0;
            java.nio.file.Files.deleteIfExists(times);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        GitHistoryStore store = new GitHistoryStore(workspace);
        store.inTransaction(() -> {
            store.beginWrite();
            store.deleteHistory(1);
            store.appendCommits(1, commits);
            Iterator<List<FileChangeRow>> one = List.of(changes).iterator();
            store.appendChanges(1, one);
            store.upsertRepo(new RepoRow(1, repo.toString(), repo.toString(), false, null, null, null, false,
                    commits.size(), changes.size(), false, false, Instant.now()));
            return null;
        });
        return commits.size();
    }

    /** Record = 0x01 header fields NUL-separated, then NUL, then optional "\n" and STATUS NUL PATH NUL pairs. */
    static void parse(InputStream in, List<CommitRow> commits, List<FileChangeRow> changes) throws IOException {
        ByteArrayOutputStream field = new ByteArrayOutputStream(256);
        String[] header = new String[9];
        int fieldNo = -1; // -1: before the first record
        String sha = null;
        String status = null;
        int b;
        while ((b = in.read()) >= 0) {
            if (b == 1) {
                fieldNo = 0;
                field.reset();
                continue;
            }
            if (fieldNo < 0) {
                continue;
            }
            if (b != 0) {
                if (b == '\n' && field.size() == 0 && fieldNo >= 9) {
                    continue;
                }
                field.write(b);
                continue;
            }
            String value = field.toString(StandardCharsets.UTF_8);
            field.reset();
            if (fieldNo < 9) {
                header[fieldNo++] = value;
                if (fieldNo == 9) {
                    sha = header[0];
                    List<String> parents = header[1].isEmpty() ? List.of() : List.of(header[1].split(" "));
                    commits.add(new CommitRow(sha, parents, header[2], header[3], Long.parseLong(header[4]), 0,
                            header[5], header[6], Long.parseLong(header[7]), 0, header[8], header[8]));
                }
            } else if (status == null) {
                status = value.isEmpty() ? null : value;
            } else {
                changes.add(new FileChangeRow(sha, value, null, status.charAt(0), false));
                status = null;
            }
        }
    }
}
