package dev.egregora.git;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.store.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitHistoryLoaderTest {
    private final GitHistoryLoader loader = new GitHistoryLoader();

    @Test
    void tablesEqualWhatGitLogReports(@TempDir Path repo, @TempDir Path site) {
        GitCli git = TestRepos.scenario(repo);
        try (Workspace ws = TestRepos.workspace(site)) {
            LoadSummary s = loader.load(ws, repo, LoadOptions.defaults());
            GitCli.Log log = git.log(false);

            assertThat(s.newCommits()).isEqualTo(log.commits().size());
            assertThat(s.totalCommits()).isEqualTo(log.commits().size());
            assertThat(s.defaultBranch()).isEqualTo("main");
            assertThat(s.headSha()).isEqualTo(git.run("rev-parse", "HEAD").strip());
            assertThat(s.bare()).isFalse();
            assertThat(s.shallow()).isFalse();
            assertThat(commits(ws)).containsExactlyInAnyOrderElementsOf(expectedCommits(log));
            assertThat(changes(ws)).containsExactlyInAnyOrderElementsOf(expectedChanges(log));
            assertThat(log.changes()).extracting(GitCli.LoggedChange::type).contains('A', 'M', 'D', 'T');
        }
    }

    @Test
    void binaryFlagFollowsGit(@TempDir Path repo, @TempDir Path site) {
        GitCli git = TestRepos.scenario(repo);
        try (Workspace ws = TestRepos.workspace(site)) {
            loader.load(ws, repo, LoadOptions.defaults());
            // git's numstat prints "-\t-" for binary files: the same decision as ours
            List<String> binaries = new ArrayList<>();
            for (String line : git.run("log", "--all", "--diff-merges=first-parent", "--numstat", "--no-renames",
                    "--format=%x01%H").split("\n")) {
                if (line.startsWith("-\t-\t")) {
                    binaries.add(line.substring(4));
                }
            }
            assertThat(binaries).contains("assets/logo.bin", "data/blob.dat");
            List<String> flagged = strings(ws, "SELECT DISTINCT path FROM git_file_changes WHERE is_binary ORDER BY 1");
            assertThat(flagged).containsExactlyInAnyOrderElementsOf(binaries.stream().distinct().toList());
        }
    }

    @Test
    void lineStatsEqualGitNumstat(@TempDir Path repo, @TempDir Path site) {
        GitCli git = TestRepos.scenario(repo);
        try (Workspace ws = TestRepos.workspace(site)) {
            loader.load(ws, repo, LoadOptions.defaults().withLineStats(true));
            List<String> expected = git.numstat(false);
            // the scenario has what numstat treats specially: binaries (-), a symlink, a mode-only change (0 0)
            assertThat(expected).contains(git.run("rev-parse", "v1.0^{commit}").strip() + "|src/main.py|0|0")
                    .anyMatch(r -> r.endsWith("|assets/logo.bin|-|-"));
            assertThat(lineStats(ws)).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void lineStatsWithRenamesEqualGitNumstat(@TempDir Path repo, @TempDir Path site) {
        GitCli git = TestRepos.scenario(repo);
        try (Workspace ws = TestRepos.workspace(site)) {
            loader.load(ws, repo, LoadOptions.defaults().withRenames(true).withLineStats(true));
            assertThat(lineStats(ws)).containsExactlyInAnyOrderElementsOf(git.numstat(true));
        }
    }

    @Test
    void lineStatsAreOffByDefaultAndChangingTheSettingReloads(@TempDir Path repo, @TempDir Path site) {
        GitCli git = TestRepos.scenario(repo);
        try (Workspace ws = TestRepos.workspace(site)) {
            loader.load(ws, repo, LoadOptions.defaults());
            assertThat(strings(ws, "SELECT count(*) FROM git_file_changes WHERE lines_added IS NOT NULL"))
                    .containsExactly("0");
            LoadSummary withStats = loader.load(ws, repo, LoadOptions.defaults().withLineStats(true));
            assertThat(withStats.fullReload()).isTrue();
            assertThat(lineStats(ws)).containsExactlyInAnyOrderElementsOf(git.numstat(false));
            // the automatic update (build, write --repo) keeps the setting and stays incremental
            TestRepos.write(repo.resolve("src/new.py"), "a = 1\nb = 2\n");
            git.run("add", "-A");
            git.run("commit", "-q", "-m", "two lines");
            LoadSummary update = new GitHistory(loader).load(ws, repo);
            assertThat(update.fullReload()).isFalse();
            assertThat(update.newCommits()).isEqualTo(1);
            assertThat(lineStats(ws)).containsExactlyInAnyOrderElementsOf(git.numstat(false));
        }
    }

    @Test
    void lineStatsAreMinimalLikeGitMinimalOnHardEdits(@TempDir Path repo, @TempDir Path site) {
        GitCli git = new GitCli(repo);
        git.run("init", "-q", "-b", "main");
        java.util.Random random = new java.util.Random(5);
        List<String> text = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            text.add("line " + random.nextInt(40)); // many repeated lines: several shortest edit scripts exist
        }
        for (int commit = 0; commit < 12; commit++) {
            for (int e = 0; e < 25 * (commit + 1); e++) {
                int at = random.nextInt(text.size());
                switch (random.nextInt(4)) {
                    case 0 -> text.remove(at);
                    case 1 -> text.add(at, "new " + random.nextInt(40));
                    case 2 -> text.set(at, "line " + random.nextInt(40));
                    default -> { // move a block
                        int len = Math.min(1 + random.nextInt(30), text.size() - at);
                        List<String> block = new ArrayList<>(text.subList(at, at + len));
                        text.subList(at, at + len).clear();
                        text.addAll(random.nextInt(text.size()), block);
                    }
                }
            }
            String eol = commit % 3 == 2 ? "\r\n" : "\n";
            String body = String.join(eol, text) + (commit % 4 == 1 ? "" : eol); // sometimes no final newline
            TestRepos.write(repo.resolve("big.txt"), body);
            TestRepos.write(repo.resolve("small.txt"), commit % 2 == 0 ? "a\nb\nc\n" : "a\nc\nb");
            git.run("add", "-A");
            git.run("commit", "-q", "-m", "edit " + commit);
        }
        try (Workspace ws = TestRepos.workspace(site)) {
            loader.load(ws, repo, LoadOptions.defaults().withLineStats(true));
            // ours is a shortest edit script, as git's --minimal; plain git may give up on minimality for speed on
            // heavily edited files and report a few more lines (here 3 of the 24 changes)
            List<String> minimal = git.numstat(false, "--minimal");
            assertThat(minimal).anyMatch(r -> r.contains("|big.txt|") && !r.endsWith("|1|1"));
            assertThat(lineStats(ws)).containsExactlyInAnyOrderElementsOf(minimal);
            assertThat(git.numstat(false)).isNotEqualTo(minimal);
        }
    }

    static List<String> lineStats(Workspace ws) {
        return strings(ws, "SELECT sha || '|' || path || '|' || coalesce(lines_added::VARCHAR, '-') || '|' "
                + "|| coalesce(lines_deleted::VARCHAR, '-') FROM git_file_changes");
    }

    @Test
    void renamesAreDetectedWhenAskedAsGitDoes(@TempDir Path repo, @TempDir Path site) {
        GitCli git = TestRepos.scenario(repo);
        try (Workspace ws = TestRepos.workspace(site)) {
            loader.load(ws, repo, LoadOptions.defaults().withRenames(true));
            GitCli.Log log = git.log(true);
            assertThat(changes(ws)).containsExactlyInAnyOrderElementsOf(expectedChanges(log));
            assertThat(strings(ws, "SELECT old_path || ' -> ' || path FROM git_file_changes WHERE change_type = 'R'"))
                    .containsExactly("src/util.py -> src/helpers.py");
        }
    }

    @Test
    void refsAreRecordedWithTagsPeeled(@TempDir Path repo, @TempDir Path site) {
        GitCli git = TestRepos.scenario(repo);
        try (Workspace ws = TestRepos.workspace(site)) {
            loader.load(ws, repo, LoadOptions.defaults());
            String main = git.run("rev-parse", "main").strip();
            assertThat(strings(ws, "SELECT name || ' ' || sha || ' ' || is_tag FROM git_refs ORDER BY name"))
                    .containsExactly(
                            "HEAD " + main + " false",
                            "refs/heads/feature " + git.run("rev-parse", "feature").strip() + " false",
                            "refs/heads/main " + main + " false",
                            "refs/heads/pages " + git.run("rev-parse", "pages").strip() + " false",
                            "refs/tags/light " + main + " true",
                            "refs/tags/v1.0 " + main + " true");
        }
    }

    @Test
    void secondLoadWalksOnlyNewCommits(@TempDir Path repo, @TempDir Path site) {
        GitCli git = TestRepos.scenario(repo);
        try (Workspace ws = TestRepos.workspace(site)) {
            LoadSummary first = loader.load(ws, repo, LoadOptions.defaults());
            LoadSummary again = loader.load(ws, repo, LoadOptions.defaults());
            assertThat(again.newCommits()).isZero();
            assertThat(again.fullReload()).isFalse();
            assertThat(again.totalCommits()).isEqualTo(first.totalCommits());

            TestRepos.write(repo.resolve("src/new.py"), "x = 1\n");
            git.run("add", "-A");
            git.run("commit", "-q", "-m", "one more");
            LoadSummary third = loader.load(ws, repo, LoadOptions.defaults());
            assertThat(third.newCommits()).isEqualTo(1);
            assertThat(third.newChanges()).isEqualTo(1);
            assertThat(third.droppedCommits()).isZero();
            GitCli.Log log = git.log(false);
            assertThat(commits(ws)).containsExactlyInAnyOrderElementsOf(expectedCommits(log));
            assertThat(changes(ws)).containsExactlyInAnyOrderElementsOf(expectedChanges(log));
        }
    }

    @Test
    void rewrittenHistoryDropsUnreachableCommits(@TempDir Path repo, @TempDir Path site) {
        GitCli git = TestRepos.scenario(repo);
        try (Workspace ws = TestRepos.workspace(site)) {
            loader.load(ws, repo, LoadOptions.defaults());
            git.run("tag", "-d", "v1.0");
            git.run("tag", "-d", "light");
            git.run("reset", "-q", "--hard", "HEAD~2");
            TestRepos.write(repo.resolve("src/rewritten.py"), "y = 2\n");
            git.run("add", "-A");
            git.run("commit", "-q", "-m", "rewritten");
            git.run("branch", "-D", "pages");
            git.run("reflog", "expire", "--expire=now", "--all");
            git.run("gc", "-q", "--prune=now");

            LoadSummary s = loader.load(ws, repo, LoadOptions.defaults());
            assertThat(s.newCommits()).isEqualTo(1);
            assertThat(s.droppedCommits()).isEqualTo(3);
            assertThat(s.historyRewritten()).isTrue();
            assertThat(s.describe()).anyMatch(l -> l.contains("history was rewritten") && l.contains("3 commits"));
            GitCli.Log log = git.log(false);
            assertThat(commits(ws)).containsExactlyInAnyOrderElementsOf(expectedCommits(log));
            assertThat(changes(ws)).containsExactlyInAnyOrderElementsOf(expectedChanges(log));
        }
    }

    @Test
    void bareRepositoriesAreSupported(@TempDir Path tmp, @TempDir Path site) {
        Path work = tmp.resolve("work");
        TestRepos.scenario(work);
        GitCli outside = new GitCli(tmp);
        outside.run("clone", "-q", "--bare", work.toString(), tmp.resolve("bare.git").toString());
        try (Workspace ws = TestRepos.workspace(site)) {
            LoadSummary s = loader.load(ws, tmp.resolve("bare.git"), LoadOptions.defaults());
            assertThat(s.bare()).isTrue();
            assertThat(s.remoteUrl()).isEqualTo(work.toString());
            GitCli.Log log = new GitCli(tmp.resolve("bare.git")).log(false);
            assertThat(commits(ws)).containsExactlyInAnyOrderElementsOf(expectedCommits(log));
            assertThat(changes(ws)).containsExactlyInAnyOrderElementsOf(expectedChanges(log));
        }
    }

    @Test
    void shallowClonesLoadWhatExistsAndSaySo(@TempDir Path tmp, @TempDir Path site) {
        Path work = tmp.resolve("work");
        TestRepos.scenario(work);
        new GitCli(tmp).run("clone", "-q", "--depth", "2", "file://" + work, tmp.resolve("shallow").toString());
        try (Workspace ws = TestRepos.workspace(site)) {
            LoadSummary s = loader.load(ws, tmp.resolve("shallow"), LoadOptions.defaults());
            assertThat(s.shallow()).isTrue();
            assertThat(s.describe()).anyMatch(l -> l.startsWith("shallow clone"));
            GitCli.Log log = new GitCli(tmp.resolve("shallow")).log(false);
            assertThat(s.newCommits()).isEqualTo(log.commits().size()).isLessThan(9);
            assertThat(commits(ws)).containsExactlyInAnyOrderElementsOf(expectedCommits(log));
            assertThat(changes(ws)).containsExactlyInAnyOrderElementsOf(expectedChanges(log));
        }
    }

    @Test
    void anEmptyRepositoryLoadsNothing(@TempDir Path repo, @TempDir Path site) {
        new GitCli(repo).run("init", "-q", "-b", "main");
        try (Workspace ws = TestRepos.workspace(site)) {
            LoadSummary s = loader.load(ws, repo, LoadOptions.defaults());
            assertThat(s.totalCommits()).isZero();
            assertThat(s.headSha()).isNull();
            assertThat(s.defaultBranch()).isEqualTo("main");
        }
    }

    @Test
    void notARepositoryIsAOneLineError(@TempDir Path dir, @TempDir Path site) {
        try (Workspace ws = TestRepos.workspace(site)) {
            assertThatThrownBy(() -> loader.load(ws, dir, LoadOptions.defaults()))
                    .isInstanceOf(EgregoraException.class)
                    .hasMessageStartingWith("not a git repository: " + dir)
                    .hasMessageNotContaining("\n");
            assertThatThrownBy(() -> loader.load(ws, dir.resolve("missing"), LoadOptions.defaults()))
                    .isInstanceOf(EgregoraException.class)
                    .hasMessageContaining("no such directory");
        }
    }

    @Test
    void aCorruptObjectFailsClearlyAndLeavesTheDatabaseUnchanged(@TempDir Path repo, @TempDir Path site)
            throws IOException {
        GitCli git = TestRepos.scenario(repo);
        try (Workspace ws = TestRepos.workspace(site)) {
            loader.load(ws, repo, LoadOptions.defaults());
            List<String> before = snapshot(ws);

            TestRepos.write(repo.resolve("late.txt"), "late\n");
            git.run("add", "-A");
            git.run("commit", "-q", "-m", "late");
            String blob = git.run("rev-parse", "HEAD:late.txt").strip();
            Path object = repo.resolve(".git/objects").resolve(blob.substring(0, 2)).resolve(blob.substring(2));
            object.toFile().setWritable(true);
            Files.write(object, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

            assertThatThrownBy(() -> loader.load(ws, repo, LoadOptions.defaults()))
                    .isInstanceOf(EgregoraException.class)
                    .hasMessageContaining("corrupt")
                    .hasMessageNotContaining("\n");
            assertThat(snapshot(ws)).isEqualTo(before);
        }
    }

    @Test
    void aMissingCommitFailsClearlyAndLeavesTheDatabaseUnchanged(@TempDir Path repo, @TempDir Path site)
            throws IOException {
        GitCli git = TestRepos.scenario(repo);
        try (Workspace ws = TestRepos.workspace(site)) {
            loader.load(ws, repo, LoadOptions.defaults());
            List<String> before = snapshot(ws);
            git.run("commit", "-q", "--allow-empty", "-m", "a");
            String parent = git.run("rev-parse", "HEAD").strip();
            git.run("commit", "-q", "--allow-empty", "-m", "b");
            Files.delete(repo.resolve(".git/objects").resolve(parent.substring(0, 2)).resolve(parent.substring(2)));

            assertThatThrownBy(() -> loader.load(ws, repo, LoadOptions.defaults()))
                    .isInstanceOf(EgregoraException.class)
                    .hasMessageContaining("corrupt")
                    .hasMessageContaining(parent)
                    .hasMessageNotContaining("\n");
            assertThat(snapshot(ws)).isEqualTo(before);
        }
    }

    static List<String> snapshot(Workspace ws) {
        List<String> out = new ArrayList<>();
        out.addAll(strings(ws, "SELECT sha FROM git_commits ORDER BY sha"));
        out.addAll(strings(ws, "SELECT sha || path || change_type FROM git_file_changes ORDER BY 1"));
        out.addAll(strings(ws, "SELECT name || sha FROM git_refs ORDER BY 1"));
        out.addAll(strings(ws, "SELECT path || commit_count || coalesce(head_sha, '') FROM git_repos ORDER BY 1"));
        return out;
    }

    static List<String> commits(Workspace ws) {
        return strings(ws, "SELECT sha || '|' || coalesce(array_to_string(parents, ' '), '') || '|' || author_name || '|' "
                + "|| author_email || '|' || epoch(author_time)::BIGINT || '|' || committer_name || '|' "
                + "|| committer_email || '|' || epoch(committer_time)::BIGINT || '|' || subject FROM git_commits");
    }

    static List<String> expectedCommits(GitCli.Log log) {
        return log.commits().stream().map(c -> c.sha() + "|" + String.join(" ", c.parents()) + "|" + c.authorName()
                + "|" + c.authorEmail() + "|" + c.authorTime() + "|" + c.committerName() + "|" + c.committerEmail()
                + "|" + c.committerTime() + "|" + c.subject()).toList();
    }

    static List<String> changes(Workspace ws) {
        return strings(ws, "SELECT sha || '|' || change_type || '|' || path || '|' || coalesce(old_path, '') "
                + "FROM git_file_changes");
    }

    static List<String> expectedChanges(GitCli.Log log) {
        return log.changes().stream().map(c -> c.sha() + "|" + c.type() + "|" + c.path() + "|"
                + (c.oldPath() == null ? "" : c.oldPath())).toList();
    }

    static List<String> strings(Workspace ws, String sql) {
        try (Statement st = ws.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> lines(String s) {
        return s.lines();
    }
}
