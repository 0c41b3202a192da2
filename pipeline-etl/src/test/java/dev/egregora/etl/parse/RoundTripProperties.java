package dev.egregora.etl.parse;

import dev.egregora.core.port.InputAdapter.DateOrder;
import dev.egregora.etl.sample.Layout;
import dev.egregora.etl.sample.SampleExport;
import dev.egregora.etl.sample.SampleMessage;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Random chats in random layouts: render, parse, and get the same messages back. */
class RoundTripProperties {
    private static final List<String> AUTHORS = List.of("Ana", "Bruno Lima", "José Ñúñez", "Zoë O'Brien",
            "+55 11 98765-4321", "小明", "민수", "Émilie-Anne", "🤓", "Dr. K. Smith");

    @Property(tries = 200)
    void renderThenParseGivesTheSameMessages(@ForAll("layouts") Layout layout, @ForAll("chats") List<SampleMessage> chat)
            throws IOException {
        List<SampleMessage> messages = chat.stream().map(m -> layout.seconds() ? m
                : new SampleMessage(m.time().withSecond(0), m.author(), m.text(), null)).toList();
        StringWriter w = new StringWriter();
        for (SampleMessage m : messages) {
            SampleExport.render(w, m, layout);
        }
        List<ParsedMessage> parsed = ChatParser.standard().parse(w.toString(), layout.order());
        assertThat(parsed).hasSameSizeAs(messages);
        for (int i = 0; i < messages.size(); i++) {
            SampleMessage m = messages.get(i);
            ParsedMessage p = parsed.get(i);
            assertThat(p.time()).isEqualTo(m.time());
            assertThat(p.author()).isEqualTo(m.author());
            assertThat(p.text()).isEqualTo(m.text());
        }
        // with a day above 12 somewhere, the order is also detected
        boolean decidable = messages.stream().anyMatch(m -> m.time().getDayOfMonth() > 12);
        if (decidable && layout.order() != DateOrder.YMD) {
            assertThat(ChatParser.standard().parse(w.toString(), DateOrder.AUTO)).isEqualTo(parsed);
        }
    }

    @Provide
    Arbitrary<Layout> layouts() {
        return Arbitraries.of(Layout.class);
    }

    @Provide
    Arbitrary<List<SampleMessage>> chats() {
        Arbitrary<LocalDateTime> times = Arbitraries.longs().between(0, 99L * 365 * 86400)
                .map(s -> LocalDateTime.of(2000, 1, 1, 0, 0).plusSeconds(s));
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ").ofMinLength(1).ofMaxLength(9),
                Arbitraries.of("olá", "ça", "niño", "Straße", "🎉", "👨‍👩‍👧", "你好", "안녕", "ok!", "(sic)", "a:b", "x: y",
                        "https://example.org/a?b=1", "\"quoted\"", "100%", "- item", "<b>"));
        Arbitrary<String> line = word.list().ofMinSize(1).ofMaxSize(8).map(ws -> String.join(" ", ws));
        Arbitrary<String> text = line.list().ofMinSize(1).ofMaxSize(4).map(ls -> String.join("\n", ls));
        Arbitrary<SampleMessage> user = Combinators.combine(times, Arbitraries.of(AUTHORS), text)
                .as((t, a, x) -> new SampleMessage(t, a, x, null));
        Arbitrary<SampleMessage> system = Combinators.combine(times, Arbitraries.of(AUTHORS),
                        Arbitraries.of(" left", " joined using this group's invite link", " changed the group description"))
                .as((t, a, x) -> new SampleMessage(t, null, a + x, null));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, user), net.jqwik.api.Tuple.of(1, system))
                .list().ofMinSize(1).ofMaxSize(30).map(ArrayList::new);
    }
}
