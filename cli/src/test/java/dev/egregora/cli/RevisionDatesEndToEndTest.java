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
import static org.assertj.core.api.Assertions.assertThat;

/** A site directory kept in git: pages show "last updated" from its history, and committing never churns pages. */
class RevisionDatesEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void aCommittedSiteGetsUpdatedDatesAndRebuildsAfterCommitsLeavePagesAlone() throws Exception {
        Path export = dir.resolve("chat.txt");
        Files.writeString(export, String.join("\n",
                "14/03/2025, 09:00 - Ana: the garden needs water today",
                "15/03/2025, 09:01 - Bia: I watered the tomatoes and the basil", ""), StandardCharsets.UTF_8);
        Path site = dir.resolve("site");
        Result first = run("write", export.toString(), "--output", site.toString(), "--timezone", "UTC",
                "--unit", "days", "--size", "1");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(site.resolve("public/updated.js")).doesNotExist();

        git(site, "init", "-q", "-b", "main");
        Files.writeString(site.resolve(".gitignore"), ".egregora/\n");
        git(site, "add", "-A");
        git(site, "commit", "-q", "--date=2025-06-01T12:00:00Z", "-m", "publish");

        Result second = run("build", "--site", site.toString());
        assertThat(second.code()).as(second.err()).isZero();
        String dates = Files.readString(site.resolve("public/updated.js"));
        List<String> posts = new ArrayList<>();
        try (var files = Files.list(site.resolve("public/posts"))) {
            files.map(p -> "posts/" + p.getFileName()).filter(p -> p.endsWith(".html")).forEach(posts::add);
        }
        assertThat(posts).hasSize(2);
        String committed = git(site, "log", "-1", "--format=%aI").strip();
        for (String p : posts) {
            assertThat(dates).contains("\"" + p + "\":[\"");
        }
        assertThat(dates).contains(java.time.OffsetDateTime.parse(committed).toInstant().toString())
                .contains("2025-06-01T12:00:00Z");

        git(site, "add", "-A");
        git(site, "commit", "-q", "--date=2025-07-01T12:00:00Z", "-m", "publish with dates");
        Map<String, String> before = SiteTrees.hashes(site.resolve("public"));
        Result third = run("build", "--site", site.toString());
        assertThat(third.code()).as(third.err()).isZero();
        Map<String, String> after = SiteTrees.hashes(site.resolve("public"));
        for (String p : posts) {
            assertThat(after.get(p)).as("page %s after a commit", p).isNotNull().isEqualTo(before.get(p));
        }
        assertThat(after.get("updated.js")).as("the dates moved to the new commit").isNotEqualTo(before.get("updated.js"));
    }

    private static String git(Path repo, String... args) throws IOException, InterruptedException {
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
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("git %s: %s", args, out).isZero();
        return out;
    }
}
