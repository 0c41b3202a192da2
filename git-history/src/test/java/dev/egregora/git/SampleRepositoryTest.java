package dev.egregora.git;

import dev.egregora.core.store.Workspace;
import dev.egregora.git.sample.SampleRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SampleRepositoryTest {

    @Test
    void isDeterministicAndHasTheAskedShape(@TempDir Path tmp) {
        SampleRepository.Result a = SampleRepository.generate(tmp.resolve("a"), 600, 42);
        SampleRepository.Result b = SampleRepository.generate(tmp.resolve("b"), 600, 42, false);
        SampleRepository.Result c = SampleRepository.generate(tmp.resolve("c"), 600, 43, false);
        assertThat(b.head()).isEqualTo(a.head());
        assertThat(c.head()).isNotEqualTo(a.head());
        GitCli git = new GitCli(a.dir());
        assertThat(git.run("rev-list", "--all", "--count").strip()).isEqualTo("600");
        assertThat(a.commits()).isEqualTo(600);
        assertThat(a.merges()).isPositive();
        assertThat(Integer.parseInt(git.run("rev-list", "--all", "--merges", "--count").strip()))
                .isEqualTo(a.merges());
        assertThat(a.renames()).isPositive();
        assertThat(a.deletes()).isPositive();
        assertThat(a.liveFiles()).isBetween(90, 150); // about commits / 5
        assertThat(git.run("ls-tree", "-r", "--name-only", "main").lines().count()).isEqualTo(a.liveFiles());
        assertThat(git.run("count-objects", "-v")).contains("count: 0"); // packed
        git.run("fsck", "--strict"); // trees in git's (unsigned byte) order, everything reachable and valid
    }

    @Test
    void loadsExactlyWhatGitLogReports(@TempDir Path tmp, @TempDir Path site) {
        SampleRepository.Result r = SampleRepository.generate(tmp.resolve("repo"), 400, 7, false);
        try (Workspace ws = TestRepos.workspace(site)) {
            LoadSummary s = new GitHistoryLoader().load(ws, r.dir(), LoadOptions.defaults().withBatchSize(16));
            assertThat(s.totalCommits()).isEqualTo(400);
            assertThat(s.bare()).isTrue();
            GitCli.Log log = new GitCli(r.dir()).log(false);
            assertThat(GitHistoryLoaderTest.commits(ws))
                    .containsExactlyInAnyOrderElementsOf(GitHistoryLoaderTest.expectedCommits(log));
            assertThat(GitHistoryLoaderTest.changes(ws))
                    .containsExactlyInAnyOrderElementsOf(GitHistoryLoaderTest.expectedChanges(log));
        }
    }

    @Test
    void lineStatsEqualGitNumstatOnAGeneratedHistory(@TempDir Path tmp, @TempDir Path site) {
        SampleRepository.Result r = SampleRepository.generate(tmp.resolve("repo"), 300, 11);
        try (Workspace ws = TestRepos.workspace(site)) {
            new GitHistoryLoader().load(ws, r.dir(), LoadOptions.defaults().withLineStats(true).withBatchSize(16));
            List<String> expected = new GitCli(r.dir()).numstat(false);
            assertThat(expected).hasSizeGreaterThan(500);
            assertThat(GitHistoryLoaderTest.lineStats(ws)).containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}
