package dev.egregora.writer.offline;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.egregora.core.model.MediaItem;
import dev.egregora.core.model.Message;
import dev.egregora.core.model.MessageKind;
import dev.egregora.core.model.Post;
import dev.egregora.core.model.WindowContent;
import dev.egregora.core.port.PostWriter;
import dev.egregora.writer.Chats;
import dev.egregora.writer.inject.WriterModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.egregora.writer.Chats.AMBER;
import static dev.egregora.writer.Chats.OWL;
import static dev.egregora.writer.Chats.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfflineWriterTest {

    static Post write(String script) {
        List<Message> chat = Chats.parse("c", script);
        OfflineWriter writer = new OfflineWriter();
        writer.prepare(chat);
        return writer.write(Chats.window(chat));
    }

    @Test
    void anEnglishWindowReadsLikeADigest() {
        Post post = write(Chats.ENGLISH);
        assertThat(post.language()).isEqualTo("en");
        assertThat(post.title().toLowerCase()).contains("apartment");
        assertThat(post.tags()).contains("apartment", "lisbon");
        assertThat(post.summary()).startsWith("11 messages from 3 participants, March 14, 2025, 09:00–09:40 UTC.");
        assertThat(post.bodyMarkdown())
                .contains("## Highlights", "## Who took part", "## Links shared")
                .contains("- **Captain** — 4 messages") // the alias, not the pseudonym
                .contains("- **Amber Fox** — 4 messages")
                .contains("<https://example.com/rooms/alfama-terrace?ref=chat>")
                .contains("> — **");
        assertThat(post.id()).isEqualTo("c:0");
        assertThat(post.signature()).isEqualTo("sig-c");
        assertThat(post.date()).isEqualTo(T0);
        assertThat(post.endDate()).isEqualTo(T0.plusSeconds(40 * 60));
        assertThat(post.writer()).isEqualTo("offline");
        assertThat(post.authorIds()).containsExactlyInAnyOrder(AMBER.id(), OWL.id(), Chats.MOTH.id());
        assertThat(post.slug()).matches("2025-03-14-[a-z0-9-]+").hasSizeLessThanOrEqualTo(60);
    }

    @Test
    void theMostRepliedToMessageIsAHighlight() {
        Post post = write(Chats.ENGLISH);
        // the opening question drew answers from both others within minutes
        assertThat(post.bodyMarkdown()).contains("> Morning all\\! Are we still doing the Lisbon trip in May?");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "PORTUGUESE, pt, ## Destaques, ## Quem participou, feira",
            "SPANISH,    es, ## Destacados, ## Quién participó, paella",
            "GERMAN,     de, ## Höhepunkte, ## Wer dabei war, feldberg",
            "FRENCH,     fr, ## Moments forts, ## Participants, pique-nique",
    })
    void otherLanguagesGetLocalizedPosts(String chat, String code, String highlights, String people, String tag)
            throws Exception {
        String script = (String) Chats.class.getField(chat).get(null);
        Post post = write(script);
        assertThat(post.language()).isEqualTo(code);
        assertThat(post.bodyMarkdown()).contains(highlights, people);
        assertThat(post.tags()).contains(tag);
        assertThat(post.title().toLowerCase()).contains(tag);
        assertThat(post.slug()).matches("2025-03-14-[a-z0-9-]+");
    }

    @Test
    void portugueseDatesAreLocalized() {
        assertThat(write(Chats.PORTUGUESE).summary()).contains("14 de março de 2025");
    }

    @Test
    void keywordsAreWeighedAgainstTheWholeChat() {
        // "coffee" is in every message of the chat, "museum" only in this window
        List<Message> chat = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            chat.add(new Message("m" + i, "c", T0.plusSeconds(i * 60L), i, i % 2 == 0 ? AMBER.id() : OWL.id(),
                    MessageKind.USER, i < 27 ? "coffee again today " + i : "coffee before the museum trip", null,
                    null));
        }
        OfflineWriter writer = new OfflineWriter();
        writer.prepare(chat);
        Post post = writer.write(Chats.window(chat.subList(24, 30)));
        assertThat(post.tags().get(0)).isIn("museum", "trip");
        assertThat(post.tags().indexOf("coffee")).isGreaterThan(post.tags().indexOf("museum"));
    }

    @Test
    void chatTextCannotInjectHtmlLinksOrHeadings() {
        String script = """
                A|0|<script>alert('x')</script> look [here](javascript:alert(1)) & <img src=x onerror=alert(1)>
                B|1|# not a heading
                A|2|1. not a list | not a table *not bold*
                """;
        String body = write(script).bodyMarkdown();
        assertThat(body).doesNotContain("<script", "<img", "[here](", "\n# not")
                .contains("&lt;script&gt;", "\\[here\\]", "&amp;", "\\*not bold\\*", "\\|");
    }

    @Test
    void noRealNamesIdsOrPhoneNumbersReachThePost() {
        String script = """
                A|0|call the landlord on +55 11 98765-4321 or write to [email]
                B|1|ok I'll call [phone] tomorrow, the meeting is on 2025-03-20
                A|2|thanks! the landlord said the keys are under the mat
                """;
        Post post = write(script);
        String all = post.title() + post.summary() + post.bodyMarkdown() + post.tags();
        assertThat(all).doesNotContain("98765", "4321", AMBER.id(), OWL.id(), "Blue Owl")
                .contains("\\[phone\\]", "Captain");
    }

    @Test
    void mediaIsEmbeddedWithRelativePaths() {
        MediaItem photo = new MediaItem("aa11", "IMG-20250314-WA0001.jpg", "media/aa/aa11.jpg", "image/jpeg",
                "image", 1000);
        MediaItem clip = new MediaItem("bb22", "VID-20250314-WA0002.mp4", "/media/bb/bb22.mp4", "video/mp4",
                "video", 9000);
        List<Message> chat = List.of(
                new Message("m0", "c", T0, 0, AMBER.id(), MessageKind.USER, "IMG-20250314-WA0001.jpg", "aa11",
                        "IMG-20250314-WA0001.jpg"),
                new Message("m1", "c", T0.plusSeconds(60), 1, OWL.id(), MessageKind.USER, "look at this", "bb22",
                        "VID-20250314-WA0002.mp4"),
                new Message("m2", "c", T0.plusSeconds(120), 2, AMBER.id(), MessageKind.USER, "AUD-1.opus", null,
                        "AUD-1.opus"));
        OfflineWriter writer = new OfflineWriter();
        writer.prepare(chat);
        Post post = writer.write(Chats.window(chat, Map.of("aa11", photo, "bb22", clip)));
        assertThat(post.mediaIds()).containsExactly("aa11", "bb22");
        assertThat(post.bodyMarkdown())
                .contains("## Media")
                .contains("![IMG-20250314-WA0001.jpg](media/aa/aa11.jpg)")
                .contains("- [VID-20250314-WA0002.mp4](media/bb/bb22.mp4) (video)")
                .contains("- AUD-1.opus (attachment not in the export)");
    }

    @Test
    void writingIsDeterministicAndThreadSafe() {
        List<Message> chat = Chats.parse("c", Chats.ENGLISH);
        OfflineWriter writer = new OfflineWriter();
        writer.prepare(chat);
        List<WindowContent> windows = IntStream.range(1, chat.size() + 1)
                .mapToObj(n -> Chats.window(chat.subList(0, n))).toList();
        List<Post> sequential = windows.stream().map(writer::write).toList();
        for (int round = 0; round < 5; round++) {
            assertThat(windows.parallelStream().map(writer::write).toList()).isEqualTo(sequential);
        }
        OfflineWriter other = new OfflineWriter();
        other.prepare(chat);
        assertThat(other.write(windows.get(5))).isEqualTo(sequential.get(5));
    }

    @Test
    void worksWithoutPrepare() {
        Post post = new OfflineWriter().write(Chats.window(Chats.parse("c", Chats.GERMAN)));
        assertThat(post.language()).isEqualTo("de");
        assertThat(post.tags()).isNotEmpty();
    }

    @Test
    void aWindowOfEmojiOnlyStillGetsATitle() {
        Post post = write("A|0|😂😂\nB|1|👍");
        assertThat(post.title()).isEqualTo("Notes from the chat");
        assertThat(post.slug()).isEqualTo("2025-03-14-notes-from-the-chat");
        assertThat(post.summary()).endsWith("A quiet stretch of the chat.");
    }

    @Test
    void anEmptyWindowIsRejected() {
        var w = Chats.window(Chats.parse("c", "A|0|hi"));
        var empty = new WindowContent(w.window(), List.of(), w.authors(), w.media());
        assertThatThrownBy(() -> new OfflineWriter().write(empty)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fingerprintNamesWriterVersionAndOptions() {
        assertThat(new OfflineWriter().fingerprint()).isEqualTo("offline/1;tags=5;highlights=4;quote=280");
        assertThat(new OfflineWriter(new OfflineWriter.Options(3, 2, 100)).fingerprint())
                .isNotEqualTo(new OfflineWriter().fingerprint());
    }

    @Test
    void longQuotesAreShortenedAtAWordBoundary() {
        String longText = "word ".repeat(200).strip();
        Post post = write("A|0|" + longText + "\nB|1|ok sure thing");
        assertThat(post.bodyMarkdown()).contains("word word …").doesNotContain(longText);
    }

    @Test
    void theModuleBindsTheOfflineWritersAsSingletons() {
        Injector injector = Guice.createInjector(Stage.PRODUCTION, b -> b.requireExplicitBindings(),
                new WriterModule());
        assertThat(injector.getInstance(PostWriter.class)).isInstanceOf(OfflineWriter.class)
                .isSameAs(injector.getInstance(PostWriter.class));
        assertThat(injector.getInstance(dev.egregora.core.port.ProfileWriter.class))
                .isInstanceOf(dev.egregora.writer.profile.OfflineProfileWriter.class);
    }
}
