package dev.egregora.site;

import dev.egregora.core.model.Author;
import dev.egregora.core.model.Ids;
import dev.egregora.core.model.Post;
import dev.egregora.core.model.Profile;
import dev.egregora.core.port.RevisionDates;
import dev.egregora.core.port.SiteRenderer;
import dev.egregora.core.store.Workspace;
import dev.egregora.site.content.SiteSettings;
import dev.egregora.site.html.Slugs;
import dev.egregora.site.serve.SiteServer;
import dev.egregora.site.store.PostTable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** XSS payloads in every chat-derived field: escaped in the HTML, and proven inert in headless Chromium. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class XssTest {
    private static final Set<String> OUR_SCRIPTS = Set.of("assets/theme.js", "search-index.js", "assets/search.js");
    private List<String> payloads;
    private final List<Post> posts = new ArrayList<>();
    private Path pub;

    @BeforeAll
    void build(@TempDir Path site) throws IOException {
        try (InputStream in = XssTest.class.getResourceAsStream("xss-payloads.txt")) {
            payloads = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        }
        List<Author> authors = new ArrayList<>();
        List<Profile> profiles = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            String p = payloads.get(i);
            String authorId = Ids.authorId("xss " + i);
            authors.add(new Author(authorId, p, i % 2 == 0 ? p : null, false));
            profiles.add(new Profile(authorId, p, 3, Instant.EPOCH, Instant.EPOCH, List.of(1, 2, 3),
                    List.of(p), List.of(p), List.of("xss:" + i), "Bio: " + p));
            Instant date = Instant.parse("2024-05-01T10:00:00Z").plusSeconds(3600L * i);
            posts.add(new Post("xss:" + i, "xss-" + i + "-" + p, "sig", "Title " + p, "Summary " + p, date, date,
                    List.of(p, "safe"), List.of(authorId), List.of(), "en", "Body " + i + "\n\n" + p + "\n\n"
                    + "Inline " + p + " end.\n", "test"));
        }
        pub = site.resolve("public");
        try (Workspace ws = TestSites.open(site)) {
            new PostTable(ws).insert(authors, posts, profiles);
            new HtmlSiteRenderer(RevisionDates.NONE, SiteSettings.defaults().withCards(false)).build(ws,
                    new SiteRenderer.Request(pub, SiteRenderer.Format.HTML, false));
        }
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void noPayloadSurvivesAsMarkupInAnyPage() throws IOException {
        List<Path> html;
        try (Stream<Path> s = Files.walk(pub)) {
            html = s.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertThat(html).hasSizeGreaterThan(payloads.size());
        for (Path file : html) {
            Document doc = Jsoup.parse(file.toFile(), "UTF-8");
            String where = pub.relativize(file).toString();
            for (Element e : doc.getAllElements()) {
                assertThat(e.tagName()).as(where).isNotIn("iframe", "svg", "object", "embed", "details", "style");
                if (e.tagName().equals("script")) {
                    assertThat(e.data()).as(where + " inline script").isEmpty();
                    String src = e.attr("src").replace("../", "").replaceFirst("^/", "");
                    assertThat(src).as(where).isIn(OUR_SCRIPTS);
                }
                for (Attribute a : e.attributes()) {
                    assertThat(a.getKey().toLowerCase(Locale.ROOT)).as(where + " " + e.tagName()).doesNotStartWith("on");
                    if (a.getKey().equals("href") || a.getKey().equals("src")) {
                        String v = a.getValue().toLowerCase(Locale.ROOT).replaceAll("[\\s\\x00-\\x1f]", "");
                        assertThat(v).as(where).doesNotStartWith("javascript:").doesNotStartWith("data:")
                                .doesNotStartWith("vbscript:");
                    }
                }
            }
            assertThat(doc.title()).as(where).isNotEqualTo("XSS");
        }
        String index = Files.readString(pub.resolve("search-index.js"));
        assertThat(index).doesNotContain("</script").doesNotContain("<").doesNotContain("\u2028");
        assertThat(Files.readString(pub.resolve("feed.xml"))).doesNotContain("<script");
    }

    @Test
    void templatesEscapeTemplateSyntaxInData() throws IOException {
        Post p = posts.get(payloads.indexOf("{{7*7}} ${7*7} <%= 7*7 %> @if(true)jte@endif"));
        String page = Files.readString(pub.resolve("posts/" + Slugs.of(p.slug()) + ".html"));
        assertThat(page).contains("${7*7}").contains("@if(true)jte@endif").doesNotContain(">49<");
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void noScriptRunsInChromium() throws Exception {
        Chromium.require();
        // listings show titles, summaries, tags and author names of all payload posts; post pages their bodies
        List<String> urls = new ArrayList<>(List.of("index.html", "page/2.html", "search.html?q=script",
                "authors/" + Slugs.of(Ids.authorId("xss 0")) + "/index.html"));
        for (int i : new int[] {0, 1, 7, 9, 15}) {
            urls.add("posts/" + Slugs.of(posts.get(i).slug()) + ".html");
        }
        // positive control: the canary is detected when a payload does run
        Files.writeString(pub.resolve("control.html"), "<!DOCTYPE html><html><head><title>c</title></head><body>"
                + payloads.get(0) + "</body></html>");
        try (SiteServer server = SiteServer.start(pub, 0)) {
            Document control = Jsoup.parse(Chromium.dumpDom(server.url() + "control.html"));
            assertThat(control.selectFirst("html").hasAttr("data-xss")).isTrue();
            assertThat(control.title()).isEqualTo("XSS");
            for (String url : urls) {
                String dom = Chromium.dumpDom(server.url() + url);
                assertThat(dom).as(url).contains("</html>");
                Document doc = Jsoup.parse(dom);
                assertThat(doc.selectFirst("html").hasAttr("data-xss")).as(url).isFalse();
                assertThat(doc.title()).as(url).isNotEqualTo("XSS").endsWith("Egregora");
                if (url.startsWith("search")) {
                    // the search script really ran and rendered payload titles (as text)
                    assertThat(doc.select("#search-results li")).isNotEmpty();
                }
            }
        }
    }
}
