package dev.egregora.etl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egregora.core.port.InputAdapter.DateOrder;
import dev.egregora.etl.Corpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every chat-miner fixture parses to the (timestamp, author, message) triples of its {@code target.json}. */
class ChatMinerCorpusTest {
    private final ChatParser parser = ChatParser.standard();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "test_ddmmyy_24hrs.txt, DMY",
            "test_mmddyy_24hrs.txt, MDY",
            "test_mmddyyyy_12hrs.txt, MDY",
            "test_yyyymmdd_24hrs.txt, YMD",
            "'test_[mmddyy]_24hrs.txt', MDY"})
    void targetFixturesMatchTargetJson(String file, DateOrder expectedOrder) throws IOException {
        Path path = Corpus.whatsapp("chat-miner/" + file);
        DateOrder order;
        try (InputStream in = Files.newInputStream(path)) {
            order = parser.detectDateOrder(in);
        }
        assertThat(order).isEqualTo(expectedOrder);
        List<ParsedMessage> messages = new ArrayList<>();
        try (InputStream in = Files.newInputStream(path)) {
            parser.parse(in, order, messages::add);
        }
        List<String> got = messages.stream().filter(m -> !m.system())
                .sorted(Comparator.comparing(ParsedMessage::time).reversed())
                .map(m -> m.time() + "|" + m.author() + "|" + m.text().replace('\n', ' '))
                .toList();
        JsonNode target = new ObjectMapper().readTree(Corpus.whatsapp("chat-miner/target.json").toFile());
        List<String> want = new ArrayList<>();
        target.forEach(t -> want.add(t.get("timestamp").asText().substring(0, 16) + "|" + t.get("author").asText()
                + "|" + t.get("message").asText()));
        assertThat(got).containsExactlyElementsOf(want);
        // system lines are kept as such, never glued onto a message
        assertThat(messages.stream().filter(ParsedMessage::system).map(ParsedMessage::text))
                .contains("+12 345 578 created group \"Groupname\"", "You were added", "John Doe:.");
    }
}
