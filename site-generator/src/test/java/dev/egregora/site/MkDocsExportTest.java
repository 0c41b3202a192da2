package dev.egregora.site;

import dev.egregora.core.model.Author;
import dev.egregora.core.model.Ids;
import dev.egregora.core.model.Post;
import dev.egregora.core.port.RevisionDates;
import dev.egregora.core.port.SiteRenderer;
import dev.egregora.core.store.Workspace;
import dev.egregora.site.content.SiteSettings;
import dev.egregora.site.sample.SamplePosts;
import dev.egregora.site.store.PostTable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class MkDocsExportTest {
    private static final Path MKDOCS = Path.of("/usr/bin/mkdocs");

    @TempDir
    Path site;

    private Path export() {
        Path out = site.resolve("mkdocs");
        try (Workspace ws = TestSites.open(site)) {
            SamplePosts.fill(ws, 30, 9);
            // C1 controls and noncharacters are valid UTF-8 in a chat but not allowed raw in YAML (finding F15)
            String evil = "<script>alert(1)</script> \"quoted\" [x](javascript:alert(1)) #tag *star* \u0080\u009f\ufffe";
            Author a = new Author(Ids.authorId("evil"), evil, null, false);
            Instant d = Instant.parse("2024-02-03T04:05:06Z");
            new PostTable(ws).insert(List.of(a), List.of(new Post("evil:1", "evil " + evil, "s", evil, evil, d, d,
                    List.of(evil, "ok"), List.of(a.id()), List.of(), "en",
                    "Body " + evil + "\n\n[ref]: javascript:alert(2)\n\n<img src=x onerror=alert(3)>\n", "t")),
                    List.of());
            SiteRenderer.BuildSummary s = new HtmlSiteRenderer(RevisionDates.NONE, SiteSettings.defaults()).build(ws,
                    new SiteRenderer.Request(out, SiteRenderer.Format.MKDOCS, false));
            assertThat(s.pagesWritten()).isGreaterThan(31);
        }
        return out;
    }

    @Test
    void writesSourcesWithFrontMatterAndInertBodies() throws Exception {
        Path out = export();
        assertThat(out.resolve("mkdocs.yml")).exists();
        assertThat(site.resolve(".mkdocs.partial")).as("the staging directory of the atomic writes").doesNotExist();
        assertThat(out.resolve("docs/.authors.yml")).exists();
        assertThat(out.resolve("docs/tags.md")).content().contains("[TAGS]");
        List<Path> posts;
        try (Stream<Path> s = Files.list(out.resolve("docs/posts"))) {
            posts = s.filter(p -> !p.getFileName().toString().equals("index.md")).toList();
        }
        assertThat(posts).hasSize(31);
        for (Path p : posts) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            assertThat(text).startsWith("---\ntitle: \"").contains("\ndate: ").contains("\ntags:");
            assertThat(text).doesNotContain("<script").doesNotContain("<img");
            // front matter holds quoted YAML data; the Markdown after it must not link to scripts
            String markdown = text.substring(text.indexOf("\n---\n") + 5);
            assertThat(markdown).doesNotContain("](javascript:").doesNotContain("]: javascript:");
        }
    }

    @Test
    void buildsWithMkdocsStrict() throws Exception {
        if (!Files.isExecutable(MKDOCS)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("mkdocs not found at " + MKDOCS + "; CI=true requires it (apt-get install mkdocs mkdocs-material)");
            }
            Assumptions.assumeTrue(false, "mkdocs not installed (apt-get install mkdocs mkdocs-material); skipped");
        }
        Path out = export();
        Path log = site.resolve("mkdocs.log");
        Process p = new ProcessBuilder(MKDOCS.toString(), "build", "--strict", "-f",
                out.resolve("mkdocs.yml").toString(), "-d", site.resolve("built").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
        assertThat(site.resolve("built/index.html")).exists();
        assertThat(site.resolve("built/tags/index.html")).exists();
        String built = Files.readString(site.resolve("built/posts/index.html"));
        assertThat(built).doesNotContain("<script>alert");
        // MkDocs ignores front matter that its YAML reader refuses and shows it as text: every post's was read
        try (Stream<Path> pages = Files.walk(site.resolve("built/posts"))) {
            for (Path page : pages.filter(f -> f.toString().endsWith(".html")).toList()) {
                assertThat(Files.readString(page)).as(page.toString()).doesNotContain("slug: ");
            }
        }
    }
}
