package dev.egregora.site;

import dev.egregora.core.model.Post;
import dev.egregora.core.port.RevisionDates;
import dev.egregora.core.port.SiteRenderer;
import dev.egregora.core.port.SiteRenderer.BuildSummary;
import dev.egregora.core.store.Workspace;
import dev.egregora.site.content.SiteSettings;
import dev.egregora.site.html.Slugs;
import dev.egregora.site.sample.SamplePosts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Related posts" from {@code related_posts} and "top posts" from {@code post_ranks} (core-v2), "Continues" from
 * {@code post_continues} (core-v3), incrementally.
 */
class RankedPostsTest {
    @TempDir
    Path site;

    private BuildSummary build(Workspace ws) {
        return new HtmlSiteRenderer(RevisionDates.NONE, SiteSettings.defaults().withCards(false)).build(ws,
                new SiteRenderer.Request(null, SiteRenderer.Format.HTML, false));
    }

    private Document page(Post p) throws IOException {
        return Jsoup.parse(site.resolve("public/posts/" + Slugs.of(p.slug()) + ".html").toFile(), "UTF-8");
    }

    private Document home() throws IOException {
        return Jsoup.parse(site.resolve("public/index.html").toFile(), "UTF-8");
    }

    private static void relate(Workspace ws, Post post, Post... related) {
        ws.execute("DELETE FROM related_posts WHERE post_id = '" + post.id() + "'");
        for (int r = 0; r < related.length; r++) {
            ws.execute("INSERT INTO related_posts VALUES ('" + post.id() + "', '" + related[r].id() + "', " + (r + 1)
                    + ", " + (0.9 - r * 0.1) + ", 'embeddings')");
        }
    }

    @Test
    void relatedPostsComeFromTheTableWhenItHasRowsAndChangesRebuildTheirPages() throws IOException {
        try (Workspace ws = TestSites.open(site)) {
            List<Post> posts = SamplePosts.fill(ws, 40, 11).posts();
            Post target = posts.get(20);
            Post other = posts.get(5);
            build(ws);
            // no rows yet: shared tags
            List<String> byTags = page(target).select("section.related li a").eachText();
            assertThat(byTags).isNotEmpty();

            relate(ws, target, posts.get(3), posts.get(37), posts.get(12));
            BuildSummary withRows = build(ws);
            assertThat(page(target).select("section.related li a").eachText())
                    .containsExactly(posts.get(3).title(), posts.get(37).title(), posts.get(12).title());
            assertThat(page(target).select("section.related li a").first().attr("href"))
                    .isEqualTo("../posts/" + Slugs.of(posts.get(3).slug()) + ".html");
            // a post without rows keeps the shared-tags fallback
            assertThat(page(other).select("section.related li a").eachText()).isNotEmpty();
            assertThat(withRows.pagesWritten()).isEqualTo(1);

            relate(ws, target, posts.get(30));
            assertThat(build(ws).pagesWritten()).isEqualTo(1);
            assertThat(page(target).select("section.related li a").eachText()).containsExactly(posts.get(30).title());

            // rows naming a deleted post or the post itself are ignored
            relate(ws, target, target, posts.get(30));
            ws.execute("INSERT INTO related_posts VALUES ('" + target.id() + "', 'no-such-post', 3, 0.1, 'tags')");
            build(ws);
            assertThat(page(target).select("section.related li a").eachText()).containsExactly(posts.get(30).title());

            ws.execute("DELETE FROM related_posts");
            build(ws);
            assertThat(page(target).select("section.related li a").eachText()).isEqualTo(byTags);
        }
    }

    @Test
    void topPostsBlockFollowsPostRanksOnTheFirstHomePageOnly() throws IOException {
        try (Workspace ws = TestSites.open(site)) {
            List<Post> posts = SamplePosts.fill(ws, 30, 12).posts();
            build(ws);
            assertThat(home().select("section.top-posts")).isEmpty();

            // ranks stored out of order, 7 rows: the 5 best are shown, best first
            int[] order = {17, 2, 25, 9, 14, 0, 21};
            for (int r = order.length - 1; r >= 0; r--) {
                ws.execute("INSERT INTO post_ranks VALUES ('" + posts.get(order[r]).id() + "', " + (100 - r) + ", "
                        + (r + 1) + ", 'offline')");
            }
            BuildSummary ranked = build(ws);
            assertThat(ranked.pagesWritten()).isEqualTo(1);
            assertThat(home().select("section.top-posts li a").eachText()).containsExactly(posts.get(17).title(),
                    posts.get(2).title(), posts.get(25).title(), posts.get(9).title(), posts.get(14).title());
            assertThat(home().select("section.top-posts li a").first().attr("href"))
                    .isEqualTo("posts/" + Slugs.of(posts.get(17).slug()) + ".html");
            assertThat(Jsoup.parse(site.resolve("public/page/2.html").toFile(), "UTF-8")
                    .select("section.top-posts")).isEmpty();

            ws.execute("UPDATE post_ranks SET rank = 0 WHERE post_id = '" + posts.get(0).id() + "'");
            assertThat(build(ws).pagesWritten()).isEqualTo(1);
            assertThat(home().select("section.top-posts li a").first().text()).isEqualTo(posts.get(0).title());
        }
    }

    @Test
    void continuesLineFollowsPostContinuesAndRebuildsOnlyThatPage() throws IOException {
        try (Workspace ws = TestSites.open(site)) {
            List<Post> posts = SamplePosts.fill(ws, 20, 13).posts();
            Post later = posts.get(4);
            Post earlier = posts.get(15);
            build(ws);
            assertThat(page(later).select("p.continues")).isEmpty();

            ws.execute("INSERT INTO post_continues VALUES ('" + later.id() + "', '" + earlier.id() + "', 's')");
            assertThat(build(ws).pagesWritten()).isEqualTo(1);
            assertThat(page(later).select("p.continues").text()).isEqualTo("Continues: " + earlier.title());
            assertThat(page(later).select("p.continues a").attr("href"))
                    .isEqualTo("../posts/" + Slugs.of(earlier.slug()) + ".html");
            assertThat(build(ws).pagesWritten()).isZero();

            // a reference to a post that is gone is not shown
            ws.execute("UPDATE post_continues SET continues_id = 'no-such-post'");
            assertThat(build(ws).pagesWritten()).isEqualTo(1);
            assertThat(page(later).select("p.continues")).isEmpty();
        }
    }
}
