package dev.egregora.site;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.model.Post;
import dev.egregora.core.port.RevisionDates;
import dev.egregora.core.port.SiteRenderer;
import dev.egregora.core.store.Workspace;
import dev.egregora.site.content.SiteSettings;
import dev.egregora.site.html.Slugs;
import dev.egregora.site.sample.SamplePosts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** User template overrides from {@code SITE/.egregora/theme/templates/}, compiled at run time and cached. */
class ThemeTemplatesTest {
    @TempDir
    Path site;

    private SiteRenderer.BuildSummary build() {
        try (Workspace ws = TestSites.open(site)) {
            return new HtmlSiteRenderer(RevisionDates.NONE, SiteSettings.defaults().withCards(false)).build(ws,
                    new SiteRenderer.Request(null, SiteRenderer.Format.HTML, false));
        }
    }

    private static String bundled(String name) throws IOException {
        try (InputStream in = ThemeTemplatesTest.class.getResourceAsStream("/dev/egregora/site/jte/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path templates() throws IOException {
        return Files.createDirectories(site.resolve(".egregora/theme/templates"));
    }

    @Test
    void overriddenTemplatesAndNewPartialsAreCompiledEscapedAndCached() throws IOException {
        List<Post> posts;
        try (Workspace ws = TestSites.open(site)) {
            posts = SamplePosts.fill(ws, 14, 3).posts();
        }
        SiteRenderer.BuildSummary plain = build();
        String post = bundled("post.jte").replace("<h1>${post.title()}</h1>",
                "<h1>${post.title()}</h1>\n@template.byline(title = post.title())\n"
                        + "<p class=\"escaped\">${\"<script>alert(1)</script>\"}</p>");
        Files.writeString(templates().resolve("post.jte"), post);
        Files.writeString(templates().resolve("byline.jte"),
                "@param String title\n<p class=\"byline\">Told by the group: ${title}</p>\n");

        SiteRenderer.BuildSummary themed = build();
        // a template change rewrites every page; only the three assets and robots.txt stay
        assertThat(themed.pagesUnchanged()).isEqualTo(4);
        assertThat(themed.pagesWritten()).isEqualTo(plain.pagesWritten() - 4);
        Post p = posts.get(4);
        Path page = site.resolve("public/posts/" + Slugs.of(p.slug()) + ".html");
        Document doc = Jsoup.parse(page.toFile(), "UTF-8");
        assertThat(doc.select("p.byline").text()).isEqualTo("Told by the group: " + p.title());
        assertThat(Files.readString(page)).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)");
        assertThat(doc.select("section.related")).isNotEmpty(); // the rest of the bundled post template
        // other templates stay the bundled ones
        assertThat(Jsoup.parse(site.resolve("public/index.html").toFile(), "UTF-8").select("article.card"))
                .hasSize(10);

        // a later process finds the compiled set in the cache and does not compile again
        Path marker;
        try (Stream<Path> s = Files.walk(site.resolve(".egregora/cache"))) {
            marker = s.filter(f -> f.getFileName().toString().equals("compiled")).findFirst().orElseThrow();
        }
        FileTime compiledAt = Files.getLastModifiedTime(marker);
        Files.delete(page);
        build();
        assertThat(page).exists();
        assertThat(Files.getLastModifiedTime(marker)).isEqualTo(compiledAt);

        // removing the overrides brings the bundled templates back
        Files.delete(templates().resolve("post.jte"));
        Files.delete(templates().resolve("byline.jte"));
        build();
        assertThat(Jsoup.parse(page.toFile(), "UTF-8").select("p.byline")).isEmpty();
    }

    @Test
    void aBrokenTemplateIsAOneLineErrorNamingIt() throws IOException {
        try (Workspace ws = TestSites.open(site)) {
            SamplePosts.fill(ws, 3, 3);
        }
        Files.writeString(templates().resolve("list.jte"), "@param dev.egregora.site.view.ListPage list\n"
                + "${list.noSuchMethod()}\n");
        assertThatThrownBy(this::build).isInstanceOf(EgregoraException.class)
                .hasMessage("theme template list.jte:2: cannot find symbol");
        Files.writeString(templates().resolve("Bad Name.jte"), "x");
        assertThatThrownBy(this::build).isInstanceOf(EgregoraException.class).hasMessageContaining("Bad Name.jte");
    }
}
