package dev.egregora.git;

import dev.egregora.core.port.RevisionDates;
import dev.egregora.core.store.Workspace;
import dev.egregora.git.store.HistoryColumns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GitHistoryResolverTest {
    private final GitHistory history = new GitHistory(new GitHistoryLoader());

    @Test
    void timeResolvesToTheBranchTipThenAsGitDoes(@TempDir Path repo, @TempDir Path site) {
        GitCli git = TestRepos.scenario(repo);
        try (Workspace ws = TestRepos.workspace(site)) {
            history.load(ws, repo);
            GitHistoryResolver r = history.resolver(ws, null);
            List<String> times = git.run("log", "--first-parent", "--format=%ct", "main").lines().toList();
            assertThat(r.lineLength()).isEqualTo(times.size());
            for (String t : times) {
                long ct = Long.parseLong(t);
                for (long at : new long[] {ct - 1, ct, ct + 1}) {
                    String expected = git.run("rev-list", "-1", "--first-parent", "--before=@" + at, "main").strip();
                    assertThat(r.at(Instant.ofEpochSecond(at)).map(CommitInfo::sha).orElse(""))
                            .as("HEAD at %d", at).isEqualTo(expected);
                }
            }
            assertThat(r.at(Instant.EPOCH)).isEmpty();
        }
    }

    @Test
    void otherBranchesAndTagsCanBeFollowed(@TempDir Path repo, @TempDir Path site) {
        GitCli git = TestRepos.scenario(repo);
        try (Workspace ws = TestRepos.workspace(site)) {
            history.load(ws, repo);
            Instant far = Instant.parse("2100-01-01T00:00:00Z");
            assertThat(history.resolveAt(ws, far, "feature")).map(CommitInfo::sha)
                    .contains(git.run("rev-parse", "feature").strip());
            assertThat(history.resolveAt(ws, far, "pages")).map(CommitInfo::subject).contains("orphan pages");
            assertThat(history.resolveAt(ws, far, "v1.0")).map(CommitInfo::sha)
                    .contains(git.run("rev-parse", "main").strip());
        }
    }

    @Test
    void revisionDatesEqualGitLogFirstParentPerPath(@TempDir Path repo, @TempDir Path site) {
        GitCli git = TestRepos.scenario(repo);
        try (Workspace ws = TestRepos.workspace(site)) {
            history.load(ws, repo);
            RevisionDates dates = history.revisionDates(ws);
            List<String> paths = List.of("README.md", "src/main.py", "src/helpers.py", "src/util.py",
                    "src/feature.py", "dir with space/file name.txt", "ünïcødé/ñandú.md", "assets/logo.bin",
                    "data/blob.dat");
            Map<String, RevisionDates.Revision> got = dates.of(paths);
            for (String path : paths) {
                List<String> log = git.run("log", "--first-parent", "--format=%H %at", "main", "--", path)
                        .lines().toList();
                String[] newest = log.get(0).split(" ");
                String[] oldest = log.get(log.size() - 1).split(" ");
                assertThat(got.get(path)).as(path).isEqualTo(new RevisionDates.Revision(
                        Instant.ofEpochSecond(Long.parseLong(oldest[1])), Instant.ofEpochSecond(Long.parseLong(newest[1])),
                        oldest[0], newest[0]));
            }
            assertThat(dates.of(List.of("index.html", "nope.txt"))).isEmpty();
        }
    }

    @Test
    void fileHistoryHasDatesAuthorsAndExistence(@TempDir Path repo, @TempDir Path site) {
        GitCli git = TestRepos.scenario(repo);
        try (Workspace ws = TestRepos.workspace(site)) {
            history.load(ws, repo);
            FileHistory util = history.file(ws, "./src/util.py").orElseThrow();
            assertThat(util.exists()).isFalse();
            assertThat(util.changes()).isEqualTo(3); // added, modified, renamed away
            assertThat(util.authors()).containsExactly("Ana Autora");
            FileHistory readme = history.file(ws, "README.md").orElseThrow();
            assertThat(readme.exists()).isTrue();
            assertThat(readme.updatedSha()).isEqualTo(git.run("rev-parse", "main").strip());
            assertThat(history.file(ws, "missing.txt")).isEmpty();
        }
    }

    @Test
    void existenceFollowsAddsRenamesAndDeletes(@TempDir Path repo, @TempDir Path site) {
        GitCli git = TestRepos.scenario(repo);
        try (Workspace ws = TestRepos.workspace(site)) {
            history.load(ws, repo);
            GitHistoryResolver r = history.resolver(ws, null);
            String renameSha = git.run("log", "-1", "--format=%H", "--grep=rename util", "main").strip();
            long renameTime = Long.parseLong(git.run("log", "-1", "--format=%ct", renameSha).strip());
            Instant before = Instant.ofEpochSecond(renameTime - 1);
            Instant after = Instant.ofEpochSecond(renameTime);
            assertThat(r.existsAt("src/util.py", before)).isTrue();
            assertThat(r.existsAt("src/util.py", after)).isFalse();
            assertThat(r.existsAt("src/helpers.py", before)).isFalse();
            assertThat(r.existsAt("src/helpers.py", after)).isTrue();
            assertThat(r.existsAt("assets/logo.bin", after)).isFalse();
            assertThat(r.existsAt("src/main.py", Instant.EPOCH)).isFalse();
            assertThat(r.existsAt("index.html", after)).isFalse(); // only on the orphan branch
        }
    }

    @Test
    void queriesWithoutALoadedRepositoryFailClearlyOrReturnNone(@TempDir Path repo, @TempDir Path site) {
        TestRepos.scenario(repo);
        try (Workspace ws = TestRepos.workspace(site)) {
            assertThat(history.revisionDates(ws)).isSameAs(RevisionDates.NONE);
            assertThat(history.repository(ws)).isEmpty();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> history.resolveAt(ws, Instant.EPOCH, null))
                    .isInstanceOf(dev.egregora.core.EgregoraException.class)
                    .hasMessageContaining("no git history loaded");
            history.load(ws, repo);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> history.resolveAt(ws, Instant.EPOCH, "nope"))
                    .isInstanceOf(dev.egregora.core.EgregoraException.class)
                    .hasMessageContaining("no branch or tag 'nope'");
            assertThat(history.repository(ws)).hasValueSatisfying(r -> assertThat(r.defaultBranch()).isEqualTo("main"));
        }
    }

    @Test
    void shaPrefixesResolveUniquelyOrNotAtAll() {
        HistoryColumns h = columns(new String[] {"abc1230000", "abc1240000", "def0000000"},
                new String[] {null, "abc1230000", "abc1240000"}, new long[] {100, 200, 300});
        GitHistoryResolver r = GitHistoryResolver.of(h, "main", "def0000000");
        assertThat(r.commit("abc123")).map(CommitInfo::sha).contains("abc1230000");
        assertThat(r.commit("ABC124")).map(CommitInfo::sha).contains("abc1240000");
        assertThat(r.commit("abc1")).isEmpty(); // ambiguous
        assertThat(r.commit("abc")).isEmpty();  // too short
        assertThat(r.commit("fff0000")).isEmpty();
        assertThat(r.commit("def0000000")).map(CommitInfo::sha).contains("def0000000");
    }

    @Test
    void clockSkewOnTheLineNeverReturnsACommitFromTheFuture() {
        // tip (t=300) <- skewed (t=50) <- root (t=100): at t=120 the tip's ancestors were... only the root? No:
        // the skewed commit claims t=50, so walking from the tip the first commit at or before 120 is it.
        HistoryColumns h = columns(new String[] {"a000000", "b000000", "c000000"},
                new String[] {null, "a000000", "b000000"}, new long[] {100, 50, 300});
        GitHistoryResolver r = GitHistoryResolver.of(h, "main", "c000000");
        assertThat(r.at(Instant.ofEpochSecond(120))).map(CommitInfo::sha).contains("b000000");
        assertThat(r.at(Instant.ofEpochSecond(60))).map(CommitInfo::sha).contains("b000000");
        assertThat(r.at(Instant.ofEpochSecond(49))).isEmpty();
        assertThat(r.at(Instant.ofEpochSecond(300))).map(CommitInfo::sha).contains("c000000");
    }

    static HistoryColumns columns(String[] sha, String[] firstParent, long[] time) {
        String[] names = new String[sha.length];
        java.util.Arrays.fill(names, "n");
        return new HistoryColumns(sha, firstParent, time, time, names, names, new int[0], new String[0],
                new String[0], new byte[0]);
    }
}
