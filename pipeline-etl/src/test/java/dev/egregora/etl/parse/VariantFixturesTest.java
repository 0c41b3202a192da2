package dev.egregora.etl.parse;

import dev.egregora.core.port.InputAdapter.DateOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One hand-written fixture per variant row of {@code whatsapp-formats.md} §2.2 (file name = row number), each with
 * the expected {@code datetime|author|text} of every message ({@code -} = system).
 */
class VariantFixturesTest {
    private final ChatParser parser = ChatParser.standard();

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(VariantFixturesTest.class.getResource("/fixtures").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".expected"))
                    .map(n -> n.substring(0, n.length() - ".expected".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "§2.2 row {0}")
    @MethodSource("fixtures")
    void parsesAsExpected(String name) throws IOException {
        List<String> want = Files.readAllLines(fixture(name + ".expected"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isEmpty()).map(l -> l.replace("\\n", "\n")).toList();
        assertThat(render(parse(name, DateOrder.AUTO))).as(name).containsExactlyElementsOf(want);
    }

    @Test
    void row29DotTimesWithExplicitOrder() throws IOException {
        assertThat(render(parse("29-ios-id-dot-time", DateOrder.MDY)).get(0)).isEqualTo("2022-03-18T14:56:01|Budi|a");
        // read day-first, "3/18/22" is impossible: skipped and counted, not glued onto anything
        assertThat(render(parse("29-ios-id-dot-time", DateOrder.DMY))).containsExactly("2021-03-16T16:27:37|Sari|b");
    }

    @Test
    void row39OldColonLayouts() throws IOException {
        assertThat(render(parse("39-old-2012-2014", DateOrder.DMY)).get(0)).isEqualTo("2012-12-09T17:03:48|Sender|old");
        assertThat(render(parse("39-old-2012-2014", DateOrder.MDY))).contains("2014-03-24T13:59:59|Sender|older");
    }

    @Test
    void unknownMonthNamesAreCountedSkipsNeverAWrongDateNorGluedText() throws IOException {
        String chat = String.join("\n",
                "19:23, 28 Aug 2013 - Ana: first",
                "19:24, 28 Agu 2013 - Ana: a typo of a month",
                "next line of the skipped message",
                "19:25, 29 Brumaire 2013 - Ana: a month of another calendar",
                "19:26, 30 Sep 2013 - Ana: last",
                "19:27, 30 Sep 2013 - Ana: 1 Foo 2013, 19:28 - inside a body is text");
        List<ParsedMessage> out = new java.util.ArrayList<>();
        ParseStats stats = parser.parse(new java.io.ByteArrayInputStream(chat.getBytes(StandardCharsets.UTF_8)),
                DateOrder.DMY, out::add);
        assertThat(render(out)).containsExactly("2013-08-28T19:23|Ana|first", "2013-09-30T19:26|Ana|last",
                "2013-09-30T19:27|Ana|1 Foo 2013, 19:28 - inside a body is text");
        assertThat(stats.skipped()).containsEntry(ChatParser.SKIP_UNKNOWN_MONTH, 2L)
                .containsEntry(ChatParser.SKIP_BEFORE_FIRST, 1L);
    }

    @Test
    void monthNamesDecideTheOrderWhateverTheNumbers() throws IOException {
        byte[] chat = "1 mrt. 2014 08:05 - Daan: a\n2 mrt. 2014 08:06 - Daan: b\n".getBytes(StandardCharsets.UTF_8);
        assertThat(parser.detectDateOrder(new java.io.ByteArrayInputStream(chat))).isEqualTo(DateOrder.DMY);
        List<ParsedMessage> out = new java.util.ArrayList<>();
        parser.parse(new java.io.ByteArrayInputStream(chat), DateOrder.MDY, out::add);
        assertThat(render(out)).containsExactly("2014-03-01T08:05|Daan|a", "2014-03-02T08:06|Daan|b");
    }

    private List<ParsedMessage> parse(String name, DateOrder order) throws IOException {
        Path file = fixture(name + ".txt");
        DateOrder o = order;
        if (o == DateOrder.AUTO) {
            try (InputStream in = Files.newInputStream(file)) {
                o = parser.detectDateOrder(in);
            }
        }
        List<ParsedMessage> out = new java.util.ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            parser.parse(in, o, out::add);
        }
        return out;
    }

    static List<String> render(List<ParsedMessage> messages) {
        return messages.stream().map(m -> {
            String t = m.time().toString();
            return t + "|" + (m.author() == null ? "-" : m.author()) + "|" + m.text();
        }).toList();
    }

    private static Path fixture(String name) {
        try {
            return Path.of(VariantFixturesTest.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
