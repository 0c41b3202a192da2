package dev.egregora.cli.diff;

import dev.egregora.cli.EgregoraCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code egregora diff} as users run it: output, summary, exit codes. */
class DiffCommandTest {

    record Result(int code, String out, String err) {
    }

    @TempDir
    Path dir;
    Path a;
    Path b;

    @BeforeEach
    void sites() throws IOException {
        a = dir.resolve("site-a");
        b = dir.resolve("site-b");
        SiteDiffTest.write(a.resolve("public"), "index.html", "<p>hello</p>\n<p>world</p>\n");
        SiteDiffTest.write(a.resolve("public"), "about.html", "<p>about</p>\n");
        SiteDiffTest.write(b.resolve("public"), "index.html", "<p>hello</p>\n<p>there</p>\n");
        SiteDiffTest.write(b.resolve("public"), "new.html", "<p>new</p>\n");
    }

    @Test
    void showsChangesAndExitsZeroLikeGitDiff() {
        Result r = run("diff", a.toString(), b.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("D  about.html\n", "A  new.html\n", "M  index.html\n",
                "--- a/index.html\n+++ b/index.html\n", "-<p>world</p>\n+<p>there</p>\n");
        assertThat(lastLine(r.out())).isEqualTo("1 added, 1 removed, 1 changed, 0 unchanged");
    }

    @Test
    void exitCodeIsOneWhenTheSitesDifferAndZeroWhenTheyDoNot() {
        assertThat(run("diff", "--exit-code", a.toString(), b.toString()).code()).isEqualTo(1);
        Result same = run("diff", "--exit-code", a.toString(), a.toString());
        assertThat(same.code()).isZero();
        assertThat(same.out()).isEqualTo("No differences (2 files identical)\n");
    }

    @Test
    void quietPrintsOnlyTheSummary() {
        Result r = run("diff", "--quiet", a.toString(), b.toString());
        assertThat(r.out()).isEqualTo("1 added, 1 removed, 1 changed, 0 unchanged\n");
        assertThat(run("diff", "-q", "--exit-code", a.toString(), b.toString()).code()).isEqualTo(1);
    }

    @Test
    void contextIsAnOption() {
        Result r = run("diff", "-U", "0", a.toString(), b.toString());
        assertThat(r.out()).contains("@@ -2,1 +2,1 @@\n-<p>world</p>\n+<p>there</p>\n").doesNotContain(" <p>hello</p>");
    }

    @Test
    void aMissingSiteIsAOneLineErrorWithExitCodeOne() throws IOException {
        Result r = run("diff", a.toString(), dir.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("egregora: site not found: ").contains("nope").doesNotContain("\n");
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        assertThat(run("diff", file.toString(), a.toString()).err()).contains("not a directory");
        assertThat(run("diff", a.toString()).code()).isEqualTo(2);
    }

    static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines[lines.length - 1];
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = EgregoraCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString().replace(System.lineSeparator(), "\n"),
                err.toString().replace(System.lineSeparator(), "\n"));
    }
}
