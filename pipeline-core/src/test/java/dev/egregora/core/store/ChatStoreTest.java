package dev.egregora.core.store;

import dev.egregora.core.model.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChatStoreTest {
    @TempDir
    Path site;

    /** A chat big enough to be fetched as two halves on two connections, with ties of time broken by seq and id. */
    @Test
    void aBigChatComesBackWholeInWindowOrderWithItsAuthors() throws SQLException {
        long n = 2 * ChatStore.PARALLEL_FETCH_ROWS; // a third opted out, 2% system messages
        try (Workspace ws = Workspace.open(site, CoreSchema.migrations())) {
            ws.execute("INSERT INTO authors VALUES ('u0', 'c', 'P0', 'R0', NULL, false), "
                    + "('u1', 'c', 'P1', 'R1', NULL, false), ('u2', 'c', 'P2', 'R2', NULL, true)");
            ws.execute("INSERT INTO messages (id, chat_id, ts, seq, author_id, kind, text, text_bytes, source_line) "
                    + "SELECT md5(i::VARCHAR), 'c', TIMESTAMP '2025-01-01' + to_seconds((i * 7919) % 20000), i % 3, "
                    + "'u' || (i % 3), CASE WHEN i % 50 = 0 THEN 'system' ELSE 'user' END, 'text ' || i, 8, i "
                    + "FROM range(" + n + ") t(i)");
            ws.execute("INSERT INTO messages (id, chat_id, ts, seq, author_id, kind, text, text_bytes, source_line) "
                    + "VALUES ('other', 'd', TIMESTAMP '2025-01-01', 0, 'u0', 'user', 'other chat', 10, 1)");
            List<String> expected = new ArrayList<>();
            try (Statement st = ws.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT m.id || '/' || m.author_id FROM messages m "
                         + "JOIN authors a ON a.id = m.author_id WHERE m.chat_id = 'c' AND m.kind = 'user' "
                         + "AND NOT a.opted_out ORDER BY m.ts, m.seq, m.id")) {
                while (rs.next()) {
                    expected.add(rs.getString(1));
                }
            }
            assertThat(expected.size()).isGreaterThanOrEqualTo((int) ChatStore.PARALLEL_FETCH_ROWS);

            List<Message> messages = new ChatStore(ws).publishableMessages("c");

            assertThat(messages).extracting(m -> m.id() + "/" + m.authorId()).containsExactlyElementsOf(expected);
            assertThat(messages).allMatch(m -> m.chatId().equals("c") && m.text().startsWith("text "));
        }
    }
}
