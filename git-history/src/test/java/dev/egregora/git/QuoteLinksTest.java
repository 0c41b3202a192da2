package dev.egregora.git;

import dev.egregora.core.model.Message;
import dev.egregora.core.model.MessageKind;
import dev.egregora.core.store.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** References inside quoted message text become links, with a real detector over a real repository. */
class QuoteLinksTest {
    private static final String GITHUB = "https://github.com/acme/widgets";

    @TempDir
    static Path repo;
    @TempDir
    static Path site;

    private static String first;
    private static String second;
    private static CodeReferenceDetector detector;

    @BeforeAll
    static void repository() {
        GitCli git = new GitCli(repo).at(1_700_000_000L);
        git.run("init", "-q", "-b", "main");
        git.run("remote", "add", "origin", "git@github.com:acme/widgets.git");
        TestRepos.write(repo.resolve("src/my_mod.py"), "x = 1\n");
        TestRepos.write(repo.resolve("docs/ñandú.md"), "# ñandú\n");
        git.run("add", "-A");
        git.run("commit", "-q", "-m", "first");
        first = git.run("rev-parse", "HEAD").strip();
        git.at(1_700_100_000L);
        TestRepos.write(repo.resolve("src/my_mod.py"), "x = 2\n");
        git.run("commit", "-q", "-am", "second");
        second = git.run("rev-parse", "HEAD").strip();
        try (Workspace ws = TestRepos.workspace(site)) {
            GitHistory history = new GitHistory(new GitHistoryLoader());
            history.load(ws, repo);
            detector = history.codeReferences(ws, repo);
        }
    }

    private static final Instant AFTER_FIRST = Instant.ofEpochSecond(1_700_050_000L);
    private static final Instant AFTER_SECOND = Instant.ofEpochSecond(1_700_200_000L);

    private static String link(String markdown, Message... messages) {
        List<Message> ms = List.of(messages);
        return QuoteLinks.link(markdown, ms, ms.stream().map(m -> detector.find(m.text(), m.ts())).toList());
    }

    private static Message message(String text, Instant at) {
        return new Message("m" + text.hashCode(), "c", at, 1, "a1", MessageKind.USER, text, null, null);
    }

    @Test
    void referencesInAnEscapedQuoteBecomeLinksAtTheQuotedMessagesTime() {
        Message early = message("the bug is in src/my_mod.py, fixed by " + first.substring(0, 9) + ".", AFTER_FIRST);
        Message late = message("and now src/my_mod.py again", AFTER_SECOND);
        String md = """
                ## Highlights

                > the bug is in src/my\\_mod.py, fixed by %s\\.
                >
                > — **Ana**, 10:00

                > and now src/my\\_mod.py again
                >
                > — **Bia**, 11:00

                - src/my\\_mod.py outside a quote stays as it is
                """.formatted(first.substring(0, 9));
        String linked = link(md, early, late);
        assertThat(linked).isEqualTo("""
                ## Highlights

                > the bug is in [src/my\\_mod.py](%s/blob/%s/src/my_mod.py), fixed by [%s](%s/commit/%s)\\.
                >
                > — **Ana**, 10:00

                > and now [src/my\\_mod.py](%s/blob/%s/src/my_mod.py) again
                >
                > — **Bia**, 11:00

                - src/my\\_mod.py outside a quote stays as it is
                """.formatted(GITHUB, first, first.substring(0, 9), GITHUB, first, GITHUB, second));
    }

    @Test
    void unicodePathsArePercentEncodedInTheTargetOnly() {
        Message m = message("read docs/ñandú.md first", AFTER_SECOND);
        assertThat(link("> read docs/ñandú.md first\n", m))
                .isEqualTo("> read [docs/ñandú.md](" + GITHUB + "/blob/" + second + "/docs/%C3%B1and%C3%BA.md) first\n");
    }

    @Test
    void codeSpansAndExistingLinksAreLeftWhole() {
        Message m = message("x", AFTER_SECOND);
        Message refs = message("src/my_mod.py", AFTER_SECOND);
        String url = GITHUB + "/blob/" + second + "/src/my_mod.py";
        assertThat(link("> see `src/my_mod.py` now\n", m, refs)).isEqualTo("> see [`src/my_mod.py`](" + url + ") now\n");
        assertThat(link("> run `cat src/my_mod.py` now\n", m, refs)).isEqualTo("> run `cat src/my_mod.py` now\n");
        assertThat(link("> [src/my_mod.py](https://example.org)\n", m, refs))
                .isEqualTo("> [src/my_mod.py](https://example.org)\n");
        assertThat(link("> \\`src/my\\_mod.py\\` escaped ticks\n", m, refs))
                .isEqualTo("> \\`[src/my\\_mod.py](" + url + ")\\` escaped ticks\n");
    }

    @Test
    void onlyWhatTheDetectorFoundIsLinked() {
        Message m = message("src/other.py and deadbeefcafe and src/my_mod.pyc", AFTER_SECOND);
        String md = "> src/other.py and deadbeefcafe and src/my\\_mod.pyc\n";
        assertThat(link(md, m)).isEqualTo(md);
        // a file quoted from a time it did not exist yet is not linked, even if another message names it later
        Message before = message("plans for src/my_mod.py before it existed", Instant.ofEpochSecond(1_600_000_000L));
        Message after = message("src/my_mod.py is there now", AFTER_SECOND);
        String quote = "> plans for src/my\\_mod.py before it existed\n";
        assertThat(link(quote, before, after)).isEqualTo(quote);
    }
}
