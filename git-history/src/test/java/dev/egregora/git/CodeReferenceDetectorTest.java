package dev.egregora.git;

import dev.egregora.core.store.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class CodeReferenceDetectorTest {
    private static final Instant LATER = Instant.parse("2100-01-01T00:00:00Z");

    @ParameterizedTest
    @CsvSource({
            "https://github.com/egregora/egregora.git, https://github.com/egregora/egregora",
            "https://github.com/egregora/egregora, https://github.com/egregora/egregora",
            "https://token@github.com/o/r.git/, https://github.com/o/r",
            "git@github.com:franklin/egregora.git, https://github.com/franklin/egregora",
            "ssh://git@github.com/o/my.repo.git, https://github.com/o/my.repo",
            "git://github.com/o/r, https://github.com/o/r",
    })
    void githubRemotesBecomeLinkBases(String remote, String base) {
        assertThat(CodeReferenceDetector.githubBase(remote)).contains(base);
    }

    @Test
    void otherRemotesDoNot() {
        assertThat(CodeReferenceDetector.githubBase("https://gitlab.com/o/r.git")).isEmpty();
        assertThat(CodeReferenceDetector.githubBase("/srv/git/r.git")).isEmpty();
        assertThat(CodeReferenceDetector.githubBase("https://github.com.evil.org/o/r")).isEmpty();
        assertThat(CodeReferenceDetector.githubBase(null)).isEmpty();
    }

    @Test
    void findsExistingCommitsAndFilesOnly(@TempDir Path repo, @TempDir Path site) {
        GitCli git = TestRepos.scenario(repo);
        try (Workspace ws = loaded(repo, site)) {
            String head = git.run("rev-parse", "main").strip();
            String first = git.run("rev-list", "--max-parents=0", "main").strip();
            GitHistoryResolver r = new GitHistory(new GitHistoryLoader()).resolver(ws, null);
            CodeReferenceDetector d = new CodeReferenceDetector(r, "git@github.com:o/r.git");
            String text = "see " + head.substring(0, 7) + " and " + first + ", not 1234567 or deadbeefcafe; "
                    + "open ./src/main.py: line 3, or src/util.py. also README.md";
            List<CodeReference> refs = d.find(text, LATER);
            assertThat(refs).extracting(CodeReference::text)
                    .containsExactly(head.substring(0, 7), first, "src/main.py", "README.md");
            assertThat(refs.get(0).sha()).isEqualTo(head);
            assertThat(refs.get(0).url()).isEqualTo("https://github.com/o/r/commit/" + head);
            assertThat(refs.get(2).url()).isEqualTo("https://github.com/o/r/blob/" + head + "/src/main.py");
            assertThat(text.substring(refs.get(2).start(), refs.get(2).end())).isEqualTo("src/main.py");
        }
    }

    @Test
    void aFileLinksToTheCommitThatWasHeadAtTheMessageTime(@TempDir Path repo, @TempDir Path site) {
        GitCli git = TestRepos.scenario(repo);
        try (Workspace ws = loaded(repo, site)) {
            String renameSha = git.run("log", "-1", "--format=%H", "--grep=rename util", "main").strip();
            long renameTime = Long.parseLong(git.run("log", "-1", "--format=%ct", renameSha).strip());
            String before = git.run("rev-list", "-1", "--first-parent", "--before=@" + (renameTime - 1), "main").strip();
            CodeReferenceDetector d = new GitHistory(new GitHistoryLoader()).codeReferences(ws);
            // no GitHub remote here: references are found, text stays plain
            Instant t = Instant.ofEpochSecond(renameTime - 1);
            assertThat(d.find("util lives in src/util.py", t)).singleElement()
                    .satisfies(ref -> {
                        assertThat(ref.sha()).isEqualTo(before);
                        assertThat(ref.url()).isNull();
                    });
            assertThat(d.find("src/util.py is gone", Instant.ofEpochSecond(renameTime))).isEmpty();
            assertThat(d.link("src/util.py", t)).isEqualTo("src/util.py");
        }
    }

    @Test
    void linksAreMarkdownKeepCodeSpansAndEncodePaths(@TempDir Path repo, @TempDir Path site) {
        GitCli git = TestRepos.scenario(repo);
        try (Workspace ws = loaded(repo, site)) {
            String head = git.run("rev-parse", "main").strip();
            GitHistoryResolver r = new GitHistory(new GitHistoryLoader()).resolver(ws, null);
            CodeReferenceDetector d = new CodeReferenceDetector(r, "https://github.com/o/r.git");
            assertThat(d.link("look at `src/main.py` and ünïcødé/ñandú.md!", LATER)).isEqualTo(
                    "look at [`src/main.py`](https://github.com/o/r/blob/" + head + "/src/main.py) and "
                            + "[ünïcødé/ñandú.md](https://github.com/o/r/blob/" + head
                            + "/%C3%BCn%C3%AFc%C3%B8d%C3%A9/%C3%B1and%C3%BA.md)!");
            assertThat(d.link("nothing here", LATER)).isEqualTo("nothing here");
        }
    }

    @Test
    void aOneMegabyteLineIsScannedInLinearTime(@TempDir Path repo, @TempDir Path site) {
        TestRepos.scenario(repo);
        try (Workspace ws = loaded(repo, site)) {
            CodeReferenceDetector d = new GitHistory(new GitHistoryLoader()).codeReferences(ws);
            int mb = 1 << 20;
            List<String> lines = List.of(
                    "a".repeat(mb),                       // one huge token
                    "a/".repeat(mb / 2),                  // one huge path-like token
                    "abcdef1 ".repeat(mb / 8),            // many hex candidates
                    "src/main.py ".repeat(mb / 12),       // many real references
                    "é/".repeat(mb / 2));
            // a quadratic scan (regex find() restarting inside a run) takes minutes on these; linear takes ms
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                for (String line : lines) {
                    d.find(line, LATER);
                }
            });
            assertThat(d.find("src/main.py ".repeat(mb / 12), LATER)).hasSize(mb / 12);
        }
    }

    private static Workspace loaded(Path repo, Path site) {
        Workspace ws = TestRepos.workspace(site);
        new GitHistoryLoader().load(ws, repo, LoadOptions.defaults());
        return ws;
    }
}
