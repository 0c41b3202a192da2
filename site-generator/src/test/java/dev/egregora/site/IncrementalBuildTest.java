package dev.egregora.site;

import dev.egregora.core.model.Post;
import dev.egregora.core.port.RevisionDates;
import dev.egregora.core.port.SiteRenderer;
import dev.egregora.core.port.SiteRenderer.BuildSummary;
import dev.egregora.core.store.Workspace;
import dev.egregora.site.content.SiteSettings;
import dev.egregora.site.sample.SamplePosts;
import dev.egregora.site.html.Slugs;
import dev.egregora.site.store.PostTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class IncrementalBuildTest {
    private static final SiteSettings SETTINGS = SiteSettings.defaults();

    @TempDir
    Path site;

    private BuildSummary build(Workspace ws, boolean full) {
        return new HtmlSiteRenderer(RevisionDates.NONE, SETTINGS).build(ws,
                new SiteRenderer.Request(site.resolve("public"), SiteRenderer.Format.HTML, full));
    }

    @Test
    void rebuildsOnlyWhatChangedAndRemovesDeletedPosts() throws IOException {
        try (Workspace ws = TestSites.open(site)) {
            SamplePosts.Sample sample = SamplePosts.fill(ws, 60, 7);
            BuildSummary first = build(ws, false);
            assertThat(first.pagesWritten()).isGreaterThan(60);
            assertThat(first.cardsRendered()).isEqualTo(60);
            Path pub = site.resolve("public");
            assertThat(pub.resolve("index.html")).exists();
            assertThat(pub.resolve("page/2.html")).exists();
            assertThat(pub.resolve("sitemap.xml")).exists();
            assertThat(pub.resolve("feed.xml")).exists();
            assertThat(pub.resolve("atom.xml")).exists();
            assertThat(pub.resolve("robots.txt")).exists();
            assertThat(pub.resolve("search-index.js")).exists();
            assertThat(pub.resolve("tags/index.html")).exists();
            assertThat(pub.resolve("authors/index.html")).exists();
            assertThat(pub.resolve("archive/index.html")).exists();
            assertThat(pub.resolve("about.html")).exists();
            assertThat(pub.resolve("404.html")).exists();

            BuildSummary again = build(ws, false);
            assertThat(again.pagesWritten()).isZero();
            assertThat(again.cardsRendered()).isZero();
            assertThat(again.cardsCached()).isEqualTo(60);
            assertThat(again.pagesDeleted()).isZero();

            Post edited = sample.posts().get(30);
            new PostTable(ws).updatePost(edited.id(), edited.title(), edited.bodyMarkdown() + "\n\nAn edit.");
            BuildSummary one = build(ws, false);
            assertThat(one.cardsRendered()).isZero();
            // the post page, the search index, nothing else needs its body
            assertThat(one.pagesWritten()).isBetween(1L, 3L);
            String page = Files.readString(pub.resolve("posts/" + Slugs.of(edited.slug()) + ".html"));
            assertThat(page).contains("An edit.");

            Post gone = sample.posts().get(10);
            new PostTable(ws).deletePost(gone.id());
            BuildSummary del = build(ws, false);
            assertThat(del.pagesDeleted()).isGreaterThanOrEqualTo(2);
            assertThat(pub.resolve("posts/" + Slugs.of(gone.slug()) + ".html")).doesNotExist();
            assertThat(pub.resolve("cards/" + Slugs.of(gone.slug()) + ".png")).doesNotExist();
            assertThat(Files.readString(pub.resolve("sitemap.xml"))).doesNotContain(Slugs.of(gone.slug()));
            assertThat(Files.readString(pub.resolve("search-index.js"))).doesNotContain(Slugs.of(gone.slug()));
        }
    }

    @Test
    void oneRendererReusesItsCacheButStillSeesEditsAndHandDeletedPages() throws IOException {
        HtmlSiteRenderer renderer = new HtmlSiteRenderer(RevisionDates.NONE, SETTINGS);
        SiteRenderer.Request request = new SiteRenderer.Request(site.resolve("public"), SiteRenderer.Format.HTML,
                false);
        Path pub = site.resolve("public");
        try (Workspace ws = TestSites.open(site)) {
            SamplePosts.Sample sample = SamplePosts.fill(ws, 30, 8);
            renderer.build(ws, request);
            assertThat(renderer.build(ws, request).pagesWritten()).isZero();

            Post edited = sample.posts().get(12);
            new PostTable(ws).updatePost(edited.id(), "A new title", edited.bodyMarkdown() + "\n\nSecond edit.");
            renderer.build(ws, request);
            Path page = pub.resolve("posts/" + Slugs.of(edited.slug()) + ".html");
            assertThat(Files.readString(page)).contains("A new title", "Second edit.");
            assertThat(Files.readString(pub.resolve("search-index.js"))).contains("\"A new title\"");

            // deleted by hand, in a directory and at the root, between two builds of the same renderer
            Files.delete(page);
            Files.delete(pub.resolve("feed.xml"));
            Path tagPage;
            try (Stream<Path> s = Files.list(pub.resolve("tags"))) {
                tagPage = s.filter(Files::isDirectory).findFirst().orElseThrow().resolve("index.html");
            }
            Files.delete(tagPage);
            BuildSummary restored = renderer.build(ws, request);
            assertThat(restored.pagesWritten()).isEqualTo(3);
            assertThat(page).exists();
            assertThat(pub.resolve("feed.xml")).exists();
            assertThat(tagPage).exists();
            assertThat(renderer.build(ws, request).pagesWritten()).isZero();
        }
        // the same output as a fresh renderer's full build
        Path other = site.resolve("other");
        try (Workspace ws = TestSites.open(site)) {
            new HtmlSiteRenderer(RevisionDates.NONE, SETTINGS).build(ws,
                    new SiteRenderer.Request(other, SiteRenderer.Format.HTML, true));
        }
        assertThat(snapshot(other)).isEqualTo(snapshot(pub));
    }

    @Test
    void outputIsByteForByteDeterministic() throws IOException {
        Path other = site.resolve("other");
        try (Workspace ws = TestSites.open(site)) {
            SamplePosts.fill(ws, 25, 3);
            build(ws, false);
            new HtmlSiteRenderer(RevisionDates.NONE, SETTINGS).build(ws,
                    new SiteRenderer.Request(other, SiteRenderer.Format.HTML, true));
        }
        assertThat(snapshot(other)).isEqualTo(snapshot(site.resolve("public")));
    }

    @Test
    void fullRebuildRewritesEverything() {
        try (Workspace ws = TestSites.open(site)) {
            SamplePosts.fill(ws, 12, 5);
            BuildSummary first = build(ws, false);
            BuildSummary full = build(ws, true);
            assertThat(full.pagesWritten()).isEqualTo(first.pagesWritten());
            assertThat(full.cardsRendered()).isEqualTo(first.cardsRendered());
        }
    }

    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), dev.egregora.core.model.Ids.sha256Hex(Files.readAllBytes(p)));
            }
        }
        return files;
    }
}
