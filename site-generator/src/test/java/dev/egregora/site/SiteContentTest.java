package dev.egregora.site;

import dev.egregora.core.model.Author;
import dev.egregora.core.model.Ids;
import dev.egregora.core.model.Post;
import dev.egregora.core.port.RevisionDates;
import dev.egregora.core.port.SiteRenderer;
import dev.egregora.core.store.Workspace;
import dev.egregora.site.content.SiteSettings;
import dev.egregora.site.html.AuthorSlugs;
import dev.egregora.site.html.Slugs;
import dev.egregora.site.store.PostTable;
import dev.egregora.site.sample.SamplePosts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SiteContentTest {
    @TempDir
    Path site;

    @Test
    void pagesCarryNavigationFeedsCardsAndOverrides() throws Exception {
        Files.createDirectories(site.resolve(".egregora/theme"));
        Files.writeString(site.resolve(".egregora/theme/brand.css"), ":root { --accent: #c0392b; }");
        Path pub = site.resolve("public");
        SamplePosts.Sample sample;
        Instant updated = Instant.parse("2026-03-04T05:06:07Z");
        List<List<String>> queries = new ArrayList<>();
        try (Workspace ws = TestSites.open(site)) {
            sample = SamplePosts.fill(ws, 23, 5);
            String newest = "public/posts/" + Slugs.of(sample.posts().get(22).slug()) + ".html";
            RevisionDates dates = paths -> {
                queries.add(List.copyOf(paths));
                return paths.contains(newest)
                        ? Map.of(newest, new RevisionDates.Revision(updated, updated, "a", "b")) : Map.of();
            };
            new HtmlSiteRenderer(dates, SiteSettings.defaults()).build(ws,
                    new SiteRenderer.Request(null, SiteRenderer.Format.HTML, false));
        }
        // one bulk call with every post page, repository-relative (never one call per page)
        assertThat(queries).hasSize(1);
        assertThat(queries.get(0)).hasSize(23).allMatch(p -> p.startsWith("public/posts/") && p.endsWith(".html"));
        // newest first: the last generated post is on the home page, first of all
        Post newest = sample.posts().get(22);
        Document home = Jsoup.parse(pub.resolve("index.html").toFile(), "UTF-8");
        assertThat(home.select("article.card h2 a").first().text()).isEqualTo(newest.title());
        assertThat(home.select("article.card")).hasSize(10);
        assertThat(home.select("nav.pager a[rel=next]").attr("href")).isEqualTo("page/2.html");
        assertThat(home.select("link[href=assets/custom.css]")).hasSize(1);
        assertThat(Files.readString(pub.resolve("assets/custom.css"))).contains("#c0392b");

        Post middle = sample.posts().get(11);
        Document post = Jsoup.parse(pub.resolve("posts/" + Slugs.of(middle.slug()) + ".html").toFile(), "UTF-8");
        assertThat(post.select("h1").text()).isEqualTo(middle.title());
        assertThat(post.select("meta[property=og:image]").attr("content"))
                .isEqualTo("http://127.0.0.1:8000/cards/" + Slugs.of(middle.slug()) + ".png");
        assertThat(post.select("meta[name=twitter:image]")).hasSize(1);
        assertThat(post.select("a[rel=prev]").attr("href"))
                .isEqualTo("../posts/" + Slugs.of(sample.posts().get(10).slug()) + ".html");
        assertThat(post.select("a[rel=next]").attr("href"))
                .isEqualTo("../posts/" + Slugs.of(sample.posts().get(12).slug()) + ".html");
        assertThat(post.select("section.related li")).isNotEmpty();
        assertThat(post.select("ul.tags a").eachText()).containsExactlyElementsOf(
                middle.tags().stream().map(t -> "#" + t).toList());
        assertThat(pub.resolve("cards/" + Slugs.of(middle.slug()) + ".png")).exists();

        Document newestPage = Jsoup.parse(pub.resolve("posts/" + Slugs.of(newest.slug()) + ".html").toFile(),
                "UTF-8");
        // the date lives in updated.js, not in the page (whose own git history it comes from)
        String newestPath = "posts/" + Slugs.of(newest.slug()) + ".html";
        assertThat(newestPage.select("footer [data-updated]").attr("data-updated")).isEqualTo(newestPath);
        assertThat(newestPage.select("script[src=../updated.js]")).hasSize(1);
        assertThat(newestPage.html()).doesNotContain("2026");
        assertThat(Files.readString(pub.resolve("updated.js"))).isEqualTo("window.EGREGORA_UPDATED={\""
                + newestPath + "\":[\"2026-03-04T05:06:07Z\",\"4 March 2026\"]};\n");
        assertThat(post.select("[data-updated]")).isEmpty();
        assertThat(post.select("script[src=../updated.js]")).isEmpty();

        String rss = Files.readString(pub.resolve("feed.xml"));
        assertThat(rss).contains("<title>" + newest.title() + "</title>");
        assertThat(rss.split("<item>")).hasSize(21);
        assertThat(Files.readString(pub.resolve("atom.xml"))).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">");
        String sitemap = Files.readString(pub.resolve("sitemap.xml"));
        for (Post p : sample.posts()) {
            assertThat(sitemap).contains("http://127.0.0.1:8000/posts/" + Slugs.of(p.slug()) + ".html");
        }
        assertThat(Files.readString(pub.resolve("robots.txt"))).contains("Sitemap: http://127.0.0.1:8000/sitemap.xml");
        // the revision date also dates the page in the sitemap
        assertThat(sitemap).contains("<loc>http://127.0.0.1:8000/posts/" + Slugs.of(newest.slug())
                + ".html</loc><lastmod>2026-03-04</lastmod>");

        Document tags = Jsoup.parse(pub.resolve("tags/index.html").toFile(), "UTF-8");
        assertThat(tags.select("ul.cloud li")).isNotEmpty();
        Document authors = Jsoup.parse(pub.resolve("authors/index.html").toFile(), "UTF-8");
        assertThat(authors.select("ul.people li")).hasSize(sample.authors().size());
        assertThat(authors.text()).doesNotContain("sample"); // real_name column holds "sample"
        Document archive = Jsoup.parse(pub.resolve("archive/index.html").toFile(), "UTF-8");
        assertThat(archive.select("ul.months li").eachText()).anyMatch(t -> t.startsWith("January 2020"));
        assertThat(Files.readString(pub.resolve("search-index.js"))).startsWith("window.EGREGORA_SEARCH=")
                .contains(newest.title());
        List<String> noTimestamps = List.of("index.html", "feed.xml", "sitemap.xml");
        for (String f : noTimestamps) {
            assertThat(Files.readString(pub.resolve(f))).doesNotContain(Instant.now().toString().substring(0, 10));
        }
    }
    /**
     * A window where thousands of people wrote (reliability finding F7): the card in listings and on author pages
     * names the first ten authors and counts the rest; the post page itself names them all. An opted-out author
     * is named as plain text, without a link.
     */
    @Test
    void aCardNamesTenAuthorsAndCountsTheRest() throws Exception {
        List<Author> authors = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            authors.add(new Author(Ids.authorId("crowd " + i), String.format("Person %02d", i), null, i == 3));
        }
        Instant date = Instant.parse("2024-03-01T09:00:00Z");
        Post crowded = new Post("crowd:1", "2024-03-01-crowd", "sig", "Crowd", "Everyone at once.", date,
                date.plusSeconds(3600), List.of("crowd"), authors.stream().map(Author::id).toList(), List.of(), "en",
                "Hello from everyone.\n", "sample");
        try (Workspace ws = TestSites.open(site)) {
            new PostTable(ws).insert(authors, List.of(crowded), List.of());
            new HtmlSiteRenderer(RevisionDates.NONE, SiteSettings.defaults()).build(ws,
                    new SiteRenderer.Request(null, SiteRenderer.Format.HTML, false));
        }
        Path pub = site.resolve("public");
        for (String page : List.of("index.html", "tags/crowd/index.html",
                "authors/" + AuthorSlugs.of(authors.stream().collect(Collectors.toMap(Author::id, a -> a)))
                        .get(authors.get(0).id()) + "/index.html")) {
            Document doc = Jsoup.parse(pub.resolve(page).toFile(), "UTF-8");
            String meta = doc.select("article.card p.meta").text();
            assertThat(meta).as(page).endsWith("Person 00, Person 01, Person 02, Person 03, Person 04, Person 05, "
                    + "Person 06, Person 07, Person 08, Person 09 and 15 more");
            assertThat(doc.select("article.card p.meta a").eachText()).as(page).hasSize(9)
                    .doesNotContain("Person 03");
        }
        Document post = Jsoup.parse(pub.resolve("posts/2024-03-01-crowd.html").toFile(), "UTF-8");
        assertThat(post.select("p.meta").text()).contains("Person 00, Person 01").endsWith("Person 23, Person 24");
        assertThat(post.select("p.meta a")).hasSize(24);
    }
}
