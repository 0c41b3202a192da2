package dev.egregora.writer.profile;

import dev.egregora.core.model.Message;
import dev.egregora.core.model.MessageKind;
import dev.egregora.core.model.Post;
import dev.egregora.core.model.Profile;
import dev.egregora.writer.Chats;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.egregora.writer.Chats.AMBER;
import static dev.egregora.writer.Chats.OWL;
import static org.assertj.core.api.Assertions.assertThat;

class OfflineProfileWriterTest {
    final OfflineProfileWriter writer = new OfflineProfileWriter();

    static Message msg(Instant ts, String authorId, String text) {
        return new Message(ts.toString(), "c", ts, ts.getEpochSecond(), authorId, MessageKind.USER, text, null, null);
    }

    static Post post(String id, Instant date, String title, String... authors) {
        return new Post(id, id, "s", title, "", date, date, List.of(), List.of(authors), List.of(), "en", "", "offline");
    }

    @Test
    void countsPeriodHoursWordsEmojiAndPosts() {
        Instant d1 = Instant.parse("2025-01-05T21:15:00Z");
        List<Message> messages = List.of(
                msg(d1, OWL.id(), "The garden is full of tomatoes 🍅🍅"),
                msg(d1.plusSeconds(600), OWL.id(), "Tomatoes again, and the basil is huge 👍🏽"),
                msg(Instant.parse("2025-02-10T08:00:00Z"), OWL.id(), "Garden party on Sunday? 🍅"));
        List<Post> posts = List.of(
                post("c:2", Instant.parse("2025-02-10T00:00:00Z"), "Garden party", OWL.id()),
                post("c:0", d1, "Tomatoes *everywhere*", OWL.id(), AMBER.id()),
                post("c:1", d1.plusSeconds(3600), "Not theirs", AMBER.id()));
        Profile p = writer.write(OWL, messages, posts);
        assertThat(p.authorId()).isEqualTo(OWL.id());
        assertThat(p.pseudonym()).isEqualTo("Captain");
        assertThat(p.messageCount()).isEqualTo(3);
        assertThat(p.firstTs()).isEqualTo(d1);
        assertThat(p.lastTs()).isEqualTo(Instant.parse("2025-02-10T08:00:00Z"));
        assertThat(p.hours()).hasSize(24);
        assertThat(p.hours().get(21)).isEqualTo(2);
        assertThat(p.hours().get(8)).isEqualTo(1);
        assertThat(p.hours().stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
        assertThat(p.topWords()).startsWith("garden", "tomatoes").doesNotContain("the", "and", "again");
        assertThat(p.topEmoji()).containsExactly("🍅", "👍🏽");
        assertThat(p.postIds()).containsExactly("c:0", "c:2");
        assertThat(p.bodyMarkdown())
                .startsWith("**Captain** wrote 3 messages between January 5, 2025 and February 10, 2025.")
                .contains("Most active around 21:00 (UTC).", "Favourite words: garden, tomatoes",
                        "- Tomatoes \\*everywhere\\* (2025-01-05)")
                .doesNotContain("Blue Owl", OWL.id());
    }

    @Test
    void theBodyFollowsTheAuthorsLanguage() {
        List<Message> messages = Chats.parse("c", Chats.PORTUGUESE).stream()
                .filter(m -> m.authorId().equals(AMBER.id())).toList();
        Profile p = writer.write(AMBER, messages, List.of());
        assertThat(p.bodyMarkdown()).startsWith("**Amber Fox** escreveu 3 mensagens em 14 de março de 2025.")
                .contains("Palavras favoritas: feira");
        assertThat(p.topWords()).contains("feira", "pastel").doesNotContain("não", "gente");
    }

    @Test
    void anAuthorWithoutMessagesGetsAnEmptyProfile() {
        Profile p = writer.write(AMBER, List.of(), List.of());
        assertThat(p.messageCount()).isZero();
        assertThat(p.firstTs()).isEqualTo(Instant.EPOCH);
        assertThat(p.hours()).hasSize(24).containsOnly(0);
        assertThat(p.bodyMarkdown()).isEqualTo("No messages yet.\n");
    }

    @Test
    void isDeterministicWhateverTheInputOrderOfPosts() {
        List<Message> messages = new ArrayList<>(Chats.parse("c", Chats.ENGLISH));
        List<Post> posts = new ArrayList<>(List.of(post("b", Chats.T0, "B", AMBER.id()),
                post("a", Chats.T0, "A", AMBER.id())));
        Profile first = writer.write(AMBER, messages, posts);
        java.util.Collections.reverse(posts);
        assertThat(writer.write(AMBER, messages, posts)).isEqualTo(first);
        assertThat(first.postIds()).containsExactly("a", "b");
    }
}
