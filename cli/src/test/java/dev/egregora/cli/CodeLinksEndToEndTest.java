package dev.egregora.cli;

import dev.egregora.cli.EgregoraCommandTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.egregora.cli.EgregoraCommandTest.run;
import static dev.egregora.cli.WriteEndToEndTest.strings;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code egregora write --repo REPO}: posts list the commits and files their messages mention. */
class CodeLinksEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void postsLinkTheCommitsAndFilesTheChatMentionsAsOfTheMessageTime() throws Exception {
        Path repo = dir.resolve("widgets");
        Files.createDirectories(repo.resolve("src/app"));
        git(repo, "2025-03-01T10:00:00Z", "init", "-q", "-b", "main");
        git(repo, "2025-03-01T10:00:00Z", "remote", "add", "origin", "git@github.com:acme/widgets.git");
        Files.writeString(repo.resolve("src/app/main.py"), "print('v1')\n");
        git(repo, "2025-03-01T10:00:00Z", "add", "-A");
        git(repo, "2025-03-01T10:00:00Z", "commit", "-q", "-m", "first");
        String first = git(repo, "2025-03-01T10:00:00Z", "rev-parse", "HEAD").strip();
        Files.writeString(repo.resolve("src/app/main.py"), "print('v2')\n");
        git(repo, "2025-04-01T10:00:00Z", "commit", "-q", "-am", "second, after the chat");
        String second = git(repo, "2025-04-01T10:00:00Z", "rev-parse", "HEAD").strip();

        Path export = dir.resolve("chat.txt");
        Files.writeString(export, String.join("\n",
                "14/03/2025, 09:00 - Ana: the crash is fixed in " + first.substring(0, 8) + ", finally",
                "14/03/2025, 09:01 - Bia: great, I was reading src/app/main.py all morning",
                "14/03/2025, 09:02 - Ana: and deadbeefcafe is not a commit of ours", ""), StandardCharsets.UTF_8);
        Path site = dir.resolve("site");

        Result r = run("write", export.toString(), "--output", site.toString(), "--timezone", "UTC", "--no-build",
                "--repo", repo.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("Repository: 2 commits (2 new)");
        String body = String.join("\n", strings(site, "SELECT body_md FROM posts"));
        String github = "https://github.com/acme/widgets";
        assertThat(body).contains("## Code mentioned")
                .contains("[`" + first.substring(0, 10) + "`](" + github + "/commit/" + first + ")")
                // the file as it was when the message was written, not as it is now
                .contains("[`src/app/main.py`](" + github + "/blob/" + first + "/src/app/main.py)")
                .doesNotContain(second).doesNotContain("deadbeefcafe`");
        // the offline writer's quoted highlights link the same references, escaped text and all
        List<String> quoted = body.lines().filter(l -> l.startsWith("> ") && !l.startsWith("> —")).toList();
        assertThat(quoted).anyMatch(l -> l.contains("[src/app/main.py](" + github + "/blob/" + first
                + "/src/app/main.py)"));
        assertThat(quoted).anyMatch(l -> l.contains("[" + first.substring(0, 8) + "](" + github + "/commit/" + first
                + ")"));
        assertThat(quoted).noneMatch(l -> l.contains("[deadbeefcafe"));

        Result again = run("write", export.toString(), "--output", site.toString(), "--timezone", "UTC",
                "--no-build", "--repo", repo.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.err()).contains("(0 new)");
        assertThat(again.out()).contains("0 written");

        Result without = run("write", export.toString(), "--output", site.toString(), "--timezone", "UTC",
                "--no-build");
        assertThat(without.code()).as(without.err()).isZero();
        assertThat(without.out()).doesNotContain("0 written");
        assertThat(String.join("\n", strings(site, "SELECT body_md FROM posts"))).doesNotContain("Code mentioned");
    }

    @Test
    void aRepoThatIsNotOneIsAOneLineError() throws Exception {
        Path export = dir.resolve("chat.txt");
        Files.writeString(export, "14/03/2025, 09:00 - Ana: hello\n", StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("plain"));
        Result r = run("write", export.toString(), "--output", dir.resolve("site").toString(), "--no-build",
                "--repo", dir.resolve("plain").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("egregora: not a git repository").doesNotContain("\n").doesNotContain("at dev.");
    }

    private static String git(Path repo, String date, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_AUTHOR_NAME", "Dev");
        env.put("GIT_AUTHOR_EMAIL", "dev@example.org");
        env.put("GIT_COMMITTER_NAME", "Dev");
        env.put("GIT_COMMITTER_EMAIL", "dev@example.org");
        env.put("GIT_AUTHOR_DATE", date);
        env.put("GIT_COMMITTER_DATE", date);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("git %s: %s", args, out).isZero();
        return out;
    }
}
