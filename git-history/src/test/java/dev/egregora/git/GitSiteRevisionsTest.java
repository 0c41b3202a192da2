package dev.egregora.git;

import dev.egregora.core.port.RevisionDates;
import dev.egregora.core.store.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GitSiteRevisionsTest {
    private final GitHistory history = new GitHistory(new GitHistoryLoader());
    private final GitSiteRevisions revisions = new GitSiteRevisions(history);

    @Test
    void aSiteInsideAWorkTreeGetsItsPagesDatesAsGitLogReportsThem(@TempDir Path repo) {
        GitCli git = new GitCli(repo);
        git.run("init", "-q", "-b", "main");
        Path site = repo.resolve("blog");
        TestRepos.write(repo.resolve("README.md"), "outside the site\n");
        TestRepos.write(site.resolve("public/posts/a.html"), "<p>first</p>\n");
        TestRepos.write(site.resolve("public/index.html"), "<p>home</p>\n");
        git.run("add", "-A");
        git.run("commit", "-q", "-m", "first build");
        TestRepos.write(site.resolve("public/posts/a.html"), "<p>second</p>\n");
        git.run("commit", "-q", "-am", "second build");
        TestRepos.write(repo.resolve("README.md"), "changed outside the site\n");
        git.run("commit", "-q", "-am", "not the site");

        try (Workspace ws = TestRepos.workspace(site)) {
            Map<String, RevisionDates.Revision> got = revisions.of(ws)
                    .of(List.of("public/posts/a.html", "public/index.html", "public/missing.html"));

            assertThat(got).containsOnlyKeys("public/posts/a.html", "public/index.html");
            assertThat(got.get("public/posts/a.html")).isEqualTo(expected(git, "blog/public/posts/a.html"));
            assertThat(got.get("public/index.html")).isEqualTo(expected(git, "blog/public/index.html"));
            assertThat(got.get("public/posts/a.html").updated()).isAfter(got.get("public/index.html").updated());
        }
    }

    @Test
    void aSecondBuildOnlyLoadsTheNewCommits(@TempDir Path repo) {
        GitCli git = new GitCli(repo);
        git.run("init", "-q", "-b", "main");
        TestRepos.write(repo.resolve("public/index.html"), "<p>one</p>\n");
        git.run("add", "-A");
        git.run("commit", "-q", "-m", "one");
        try (Workspace ws = TestRepos.workspace(repo)) {
            revisions.of(ws);
            TestRepos.write(repo.resolve("public/index.html"), "<p>two</p>\n");
            git.run("commit", "-q", "-am", "two");
            RevisionDates.Revision r = revisions.of(ws).of(List.of("public/index.html")).get("public/index.html");
            assertThat(r).isEqualTo(expected(git, "public/index.html"));
            assertThat(history.repository(ws).orElseThrow().commitCount()).isEqualTo(2);
        }
    }

    @Test
    void sitesOutsideARepositoryOrUntrackedInOneHaveNoDatesAndLoadNothing(@TempDir Path repo, @TempDir Path alone) {
        try (Workspace ws = TestRepos.workspace(alone)) {
            assertThat(revisions.of(ws)).isSameAs(RevisionDates.NONE);
        }
        GitCli git = new GitCli(repo);
        git.run("init", "-q", "-b", "main");
        TestRepos.write(repo.resolve("src/Main.java"), "class Main {}\n");
        git.run("add", "-A");
        git.run("commit", "-q", "-m", "code only");
        try (Workspace ws = TestRepos.workspace(repo.resolve("build/site"))) {
            assertThat(revisions.of(ws)).isSameAs(RevisionDates.NONE);
            assertThat(history.repository(ws)).isEmpty();
        }
    }

    private static RevisionDates.Revision expected(GitCli git, String path) {
        List<String> log = git.run("log", "--first-parent", "--format=%H %at", "main", "--", path).lines().toList();
        String[] newest = log.get(0).split(" ");
        String[] oldest = log.get(log.size() - 1).split(" ");
        return new RevisionDates.Revision(Instant.ofEpochSecond(Long.parseLong(oldest[1])),
                Instant.ofEpochSecond(Long.parseLong(newest[1])), oldest[0], newest[0]);
    }
}
