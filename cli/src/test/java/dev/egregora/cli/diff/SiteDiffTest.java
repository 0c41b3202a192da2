package dev.egregora.cli.diff;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiteDiffTest {

    @TempDir
    Path dir;
    Path a;
    Path b;

    @BeforeEach
    void trees() throws IOException {
        a = dir.resolve("a");
        b = dir.resolve("b");
        for (Path root : List.of(a, b)) {
            write(root, "index.html", "<h1>Home</h1>\n<p>one</p>\n<p>two</p>\n<p>three</p>\n");
            write(root, "tags/x/index.html", "<p>x</p>\n");
            Files.write(Files.createDirectories(root.resolve("cards")).resolve("p.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1});
        }
    }

    @Test
    void identicalTreesHaveNoChanges() {
        SiteDiff d = SiteDiff.compare(a, b);
        assertThat(d.identical()).isTrue();
        assertThat(d.unchanged()).isEqualTo(3);
        assertThat(DiffReport.summary(d)).isEqualTo("No differences (3 files identical)");
    }

    @Test
    void findsAddedRemovedAndChangedFilesInPathOrder() throws IOException {
        write(b, "index.html", "<h1>Home</h1>\n<p>one</p>\n<p>2</p>\n<p>three</p>\n");
        write(b, "tags/y/index.html", "<p>y</p>\n");
        Files.delete(b.resolve("tags/x/index.html"));
        Files.write(b.resolve("cards/p.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 2});

        SiteDiff d = SiteDiff.compare(a, b);
        assertThat(d.changes()).extracting(FileChange::path, FileChange::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cards/p.png", FileChange.Kind.CHANGED),
                org.assertj.core.groups.Tuple.tuple("index.html", FileChange.Kind.CHANGED),
                org.assertj.core.groups.Tuple.tuple("tags/x/index.html", FileChange.Kind.REMOVED),
                org.assertj.core.groups.Tuple.tuple("tags/y/index.html", FileChange.Kind.ADDED));
        assertThat(d.unchanged()).isZero();
        assertThat(d.summary()).isEqualTo("1 added, 1 removed, 2 changed, 0 unchanged");
        assertThat(d.changes().get(3).hashA()).isNull();
        assertThat(d.changes().get(2).hashB()).isNull();

        String report = print(d, DiffReport.full());
        assertThat(report).contains("M  cards/p.png  (binary, sha256 ")
                .contains("A  tags/y/index.html").contains("D  tags/x/index.html").contains("M  index.html\n")
                .contains("--- a/index.html\n+++ b/index.html\n@@ -1,4 +1,4 @@\n <h1>Home</h1>\n <p>one</p>\n-<p>two</p>\n+<p>2</p>\n <p>three</p>\n")
                .doesNotContain("diff a/cards/p.png");
        assertThat(report.strip()).endsWith("1 added, 1 removed, 2 changed, 0 unchanged");
    }

    @Test
    void quietPrintsOnlyTheSummary() throws IOException {
        write(b, "index.html", "changed\n");
        String report = print(SiteDiff.compare(a, b), new DiffReport(true, 3, 10, 10, 80));
        assertThat(report).isEqualTo("0 added, 0 removed, 1 changed, 2 unchanged\n");
    }

    @Test
    void aSiteDirectoryIsComparedByItsPublicFolder() throws IOException {
        Path site = dir.resolve("site");
        Files.createDirectories(site.resolve(".egregora"));
        Files.writeString(site.resolve(".egregora/egregora.duckdb"), "not compared");
        copy(a, site.resolve("public"));
        assertThat(SiteDiff.publishedRoot(site)).isEqualTo(site.resolve("public"));
        assertThat(SiteDiff.compare(site, b).identical()).isTrue();
    }

    @Test
    void theFilterLeavesPathsOut() throws IOException {
        Files.write(b.resolve("cards/p.png"), new byte[] {1, 2, 3});
        assertThat(SiteDiff.compare(a, b).identical()).isFalse();
        SiteDiff d = SiteDiff.compare(a, b, path -> !path.startsWith("cards/"));
        assertThat(d.identical()).isTrue();
        assertThat(d.unchanged()).isEqualTo(2);
    }

    @Test
    void limitsCutLongReports() throws IOException {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            big.append("line ").append(i).append('\n');
        }
        write(a, "index.html", big.toString());
        write(b, "index.html", big.toString().replace("line ", "LINE ") + "x".repeat(500) + "\n");
        write(b, "tags/x/index.html", "<p>changed</p>\n");
        String report = print(SiteDiff.compare(a, b), new DiffReport(false, 3, 1, 20, 40));
        assertThat(report).contains("diff a/index.html b/index.html").doesNotContain("diff a/tags/x/index.html")
                .contains("more diff lines of index.html").contains("... diffs of 1 more changed files not shown");
        assertThat(report.lines()).allMatch(l -> l.length() < 100);
    }

    @Test
    void lineEndingOnlyChangesAreExplained() {
        assertThat(TextDiff.unified("a", "b", "x\ny\n", "x\r\ny\r\n", 3)).contains("-x", "+x\r");
        assertThat(TextDiff.unified("a", "b", "x\ny\n", "x\ny", 3))
                .containsExactly("--- a", "+++ b", "(the texts differ only in line endings or the final newline)");
        assertThat(TextDiff.unified("a", "b", "same\n", "same\n", 3)).isEmpty();
    }

    @Test
    void binaryMeansNotUtf8OrContainingNul() {
        assertThat(TextDiff.text("héllo ✨\n".getBytes(StandardCharsets.UTF_8))).contains("héllo ✨\n");
        assertThat(TextDiff.text(new byte[] {'a', 0, 'b'})).isEmpty();
        assertThat(TextDiff.text(new byte[] {(byte) 0xC3, 'x'})).isEmpty();
    }

    @Test
    void aMissingDirectoryIsAOneLineError() {
        assertThatThrownBy(() -> SiteDiff.compare(a, dir.resolve("nope")))
                .isInstanceOf(dev.egregora.core.EgregoraException.class).hasMessageContaining("nope");
    }

    static String print(SiteDiff d, DiffReport r) {
        StringWriter s = new StringWriter();
        r.print(d, new PrintWriter(s));
        return s.toString().replace(System.lineSeparator(), "\n");
    }

    static void write(Path root, String rel, String text) throws IOException {
        Path f = root.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
    }

    static void copy(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
