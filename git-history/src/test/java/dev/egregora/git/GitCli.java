package dev.egregora.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the git CLI in a directory with a fixed identity, clock and no user/system config (tests only). */
final class GitCli {
    private final Path dir;
    private long clock = 1_700_000_000L;

    GitCli(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    long clock() {
        return clock;
    }

    /** Moves the commit clock (seconds) used for the next commits. */
    GitCli at(long epochSeconds) {
        this.clock = epochSeconds;
        return this;
    }

    String run(String... args) {
        return new String(runBytes(args), StandardCharsets.UTF_8);
    }

    byte[] runBytes(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.add("-c");
        cmd.add("core.quotepath=false");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("HOME", dir.toString());
        env.put("GIT_AUTHOR_NAME", "Ana Autora");
        env.put("GIT_AUTHOR_EMAIL", "ana@example.org");
        env.put("GIT_COMMITTER_NAME", "Bruno Committer");
        env.put("GIT_COMMITTER_EMAIL", "bruno@example.org");
        clock += 60;
        env.put("GIT_AUTHOR_DATE", "@" + clock + " +0200");
        env.put("GIT_COMMITTER_DATE", "@" + (clock + 5) + " -0300");
        pb.redirectErrorStream(false);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] err;
            byte[] out;
            var errReader = new java.util.concurrent.CompletableFuture<byte[]>();
            Thread t = new Thread(() -> {
                try {
                    errReader.complete(p.getErrorStream().readAllBytes());
                } catch (IOException e) {
                    errReader.completeExceptionally(e);
                }
            });
            t.start();
            out = p.getInputStream().readAllBytes();
            int rc = p.waitFor();
            err = errReader.join();
            if (rc != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed (" + rc + "): "
                        + new String(err, StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One commit as {@code git log} reports it. */
    record LoggedCommit(String sha, List<String> parents, String authorName, String authorEmail, long authorTime,
                        String committerName, String committerEmail, long committerTime, String subject) {
    }

    /** One name-status line as {@code git log} reports it. */
    record LoggedChange(String sha, char type, String path, String oldPath) {
    }

    record Log(List<LoggedCommit> commits, List<LoggedChange> changes) {
    }

    /**
     * {@code git log --all --diff-merges=first-parent --name-status -z}, parsed; {@code renames} adds {@code -M},
     * otherwise {@code --no-renames}.
     */
    Log log(boolean renames, String... extra) {
        List<String> args = new ArrayList<>(List.of("log", "--all", "--diff-merges=first-parent", "--name-status",
                "-z", renames ? "-M" : "--no-renames",
                "--format=%x01%H%x00%P%x00%an%x00%ae%x00%at%x00%cn%x00%ce%x00%ct%x00%s"));
        args.addAll(List.of(extra));
        String out = run(args.toArray(String[]::new));
        List<LoggedCommit> commits = new ArrayList<>();
        List<LoggedChange> changes = new ArrayList<>();
        for (String record : out.split("\u0001")) {
            if (record.isEmpty()) {
                continue;
            }
            String[] f = record.split("\u0000", -1);
            String sha = f[0];
            List<String> parents = f[1].isEmpty() ? List.of() : List.of(f[1].split(" "));
            commits.add(new LoggedCommit(sha, parents, f[2], f[3], Long.parseLong(f[4]), f[5], f[6],
                    Long.parseLong(f[7]), f[8]));
            int i = 9;
            while (i < f.length) {
                String status = f[i].strip();
                i++;
                if (status.isEmpty()) {
                    continue;
                }
                char type = status.charAt(0);
                if (type == 'R' || type == 'C') {
                    changes.add(new LoggedChange(sha, type, f[i + 1], f[i]));
                    i += 2;
                } else {
                    changes.add(new LoggedChange(sha, type, f[i], null));
                    i++;
                }
            }
        }
        return new Log(commits, changes);
    }

    /**
     * {@code git log --all --diff-merges=first-parent --numstat -z} as {@code sha|path|added|deleted} lines, binary
     * changes as {@code -|-}; {@code renames} adds {@code -M} (path: the new path), otherwise {@code --no-renames}.
     */
    List<String> numstat(boolean renames, String... extra) {
        List<String> args = new ArrayList<>(List.of("log", "--all", "--diff-merges=first-parent", "--numstat", "-z",
                renames ? "-M" : "--no-renames", "--format=%x01%H"));
        args.addAll(List.of(extra));
        String out = run(args.toArray(String[]::new));
        List<String> rows = new ArrayList<>();
        for (String record : out.split("\u0001")) {
            if (record.isEmpty()) {
                continue;
            }
            String[] f = record.split("\u0000", -1);
            String sha = f[0];
            for (int i = 1; i < f.length; i++) {
                String entry = f[i].startsWith("\n") ? f[i].substring(1) : f[i];
                if (entry.isEmpty()) {
                    continue;
                }
                String[] parts = entry.split("\t", 3);
                String path = parts[2];
                if (path.isEmpty()) { // a rename: old and new path follow as their own fields
                    path = f[i + 2];
                    i += 2;
                }
                rows.add(sha + "|" + path + "|" + parts[0] + "|" + parts[1]);
            }
        }
        return rows;
    }
}
