package dev.egregora.cli.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.egregora.core.port.InputAdapter.DateOrder;
import dev.egregora.etl.parse.ChatParser;
import dev.egregora.etl.parse.ParseStats;
import dev.egregora.etl.parse.ParsedMessage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The WhatsApp chat parser and date-order detection on arbitrary bytes: never throws, never answers AUTO, every
 * line is either part of a message or counted as skipped, and messages come in file order with sane fields.
 * Regression inputs: {@code src/test/resources/dev/egregora/cli/fuzz/ChatParserFuzzTestInputs/parse/}.
 */
class ChatParserFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parse(FuzzedDataProvider data) throws IOException {
        int maxLine = data.consumeBoolean() ? 64 + data.consumeInt(0, 256) : ChatParser.DEFAULT_MAX_LINE_BYTES;
        boolean keepEmpty = data.consumeBoolean();
        DateOrder forced = data.pickValue(DateOrder.values());
        byte[] bytes = data.consumeRemainingAsBytes();
        ChatParser parser = ChatParser.builder().maxLineBytes(maxLine).keepEmpty(keepEmpty).build();

        DateOrder order = parser.detectDateOrder(new ByteArrayInputStream(bytes));
        if (order == null || order == DateOrder.AUTO) {
            throw new AssertionError("detectDateOrder answered " + order);
        }
        DateOrder use = forced == DateOrder.AUTO ? order : forced;
        List<ParsedMessage> out = new ArrayList<>();
        ParseStats stats = parser.parse(new ByteArrayInputStream(bytes), use, out::add);
        if (stats.messages() + stats.systemMessages() != out.size() && stats.messages() != out.size()) {
            throw new AssertionError("stats " + stats + " but " + out.size() + " messages emitted");
        }
        long lastLine = 0;
        for (ParsedMessage m : out) {
            if (m.time() == null || m.text() == null) {
                throw new AssertionError("message without time or text: " + m);
            }
            if (m.line() < 1 || m.line() > stats.lines() || m.line() <= lastLine) {
                throw new AssertionError("line " + m.line() + " out of order/range (" + stats.lines() + " lines)");
            }
            lastLine = m.line();
            if (m.author() != null && (m.author().isEmpty() || m.author().indexOf('\n') >= 0)) {
                throw new AssertionError("bad author " + Invariants.quote(m.author()));
            }
            if (!keepEmpty && !m.system() && m.text().isEmpty()) {
                throw new AssertionError("empty message emitted though keepEmpty is off: " + m);
            }
        }
        ChatParser.startsLikeChat(bytes, Math.min(bytes.length, 4096));
    }
}
