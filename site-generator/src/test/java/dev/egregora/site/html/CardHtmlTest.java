package dev.egregora.site.html;

import dev.egregora.site.template.JtepostcardGenerated;
import dev.egregora.site.view.Link;
import dev.egregora.site.view.PostCard;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A card rendered once and placed at any depth is exactly the card rendered at that depth. */
class CardHtmlTest {
    private final PostCard card = new PostCard("posts/a-b.html", "Fish & <chips> \"ok\" r/x", "1 May 2020",
            "2020-05-01", "Tom's <b>summary</b> ü 🐟 ../ root", List.of(new Link("tags/food/index.html", "food"),
            new Link("tags/x/index.html", "<x>")), List.of(new Link("authors/bob/index.html", "Bob"),
            new Link(null, "Opted Out")), 3);

    @Test
    void placingTheCardAtARootGivesTheCardRenderedThere() {
        CardHtml once = new PageRenderer().card(card);
        for (String root : new String[] {"", "../", "../../"}) {
            StringOutput direct = new StringOutput();
            JtepostcardGenerated.render(new OwaspHtmlTemplateOutput(direct), null, root, card);
            StringOutput placed = new StringOutput();
            once.at(root).writeTo(placed);
            assertThat(placed.toString()).isEqualTo(direct.toString()).contains("href=\"" + root + "posts/a-b.html\"");
        }
    }
}
