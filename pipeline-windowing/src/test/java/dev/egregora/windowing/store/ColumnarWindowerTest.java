package dev.egregora.windowing.store;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import dev.egregora.core.model.Window;
import dev.egregora.core.port.Windower;
import dev.egregora.core.port.Windower.Spec;
import dev.egregora.core.port.Windower.Unit;
import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.Migration;
import dev.egregora.core.store.Workspace;
import dev.egregora.windowing.ColumnarWindower;
import dev.egregora.windowing.inject.WindowingModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnarWindowerTest {
    static final Instant T0 = Instant.parse("2025-03-14T09:00:00Z");

    @TempDir
    Path site;
    Workspace ws;
    Windower windower;
    ColumnarWindower columnar;
    long seq;

    @BeforeEach
    void open() {
        Injector injector = Guice.createInjector(Stage.PRODUCTION, binder -> binder.requireExplicitBindings(),
                new WindowingModule());
        windower = injector.getInstance(Windower.class);
        columnar = injector.getInstance(ColumnarWindower.class);
        Set<Migration> migrations = injector.getInstance(Key.get(new TypeLiteral<Set<Migration>>() { }));
        List<Migration> all = new ArrayList<>(CoreSchema.migrations());
        all.addAll(migrations);
        ws = Workspace.open(site, all);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    void author(String id, String pseudonym, boolean optedOut) {
        sql("INSERT INTO authors VALUES ('" + id + "', 'c', '" + pseudonym + "', 'REAL " + id + "', NULL, " + optedOut + ")");
    }

    void message(String chat, String id, Instant ts, String author, String kind, String text) {
        ws.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO messages (id, chat_id, ts, seq, author_id, "
                    + "kind, text, text_bytes, source_line) VALUES (?, ?, make_timestamp(?), ?, ?, ?, ?, ?, 1)")) {
                ps.setString(1, id);
                ps.setString(2, chat);
                ps.setLong(3, ts.getEpochSecond() * 1_000_000L);
                ps.setLong(4, seq++);
                ps.setString(5, author);
                ps.setString(6, kind);
                ps.setString(7, text);
                ps.setInt(8, text.getBytes(StandardCharsets.UTF_8).length);
                ps.executeUpdate();
            }
            return null;
        });
    }

    void sql(String s) {
        ws.execute(s);
    }

    /** Chat "a": 10 user messages a minute apart from two authors, plus a system message, a command and an
     * opted-out author's message in between; chat "b": 3 messages. Inserted out of order. */
    void fixture() {
        author("u1", "Amber Fox", false);
        author("u2", "Blue Owl", false);
        author("u3", "Cold Moth", true);
        for (int i = 9; i >= 0; i--) {
            message("a", "a" + i, T0.plusSeconds(60L * i), i % 2 == 0 ? "u1" : "u2", "user", "olá número " + i);
        }
        message("a", "sys", T0.plusSeconds(30), null, "system", "Amber joined");
        message("a", "cmd", T0.plusSeconds(90), "u1", "command", "/egregora opt-out");
        message("a", "hidden", T0.plusSeconds(150), "u3", "user", "secret");
        for (int i = 0; i < 3; i++) {
            message("b", "b" + i, T0.plusSeconds(3600L * i), "u2", "user", "hi " + i);
        }
    }

    List<String> orderedIds(String chat) {
        List<String> ids = new ArrayList<>();
        try (Statement st = ws.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT m.id " + MessageColumnsReader.WINDOWABLE
                     + " AND m.chat_id = '" + chat + "' ORDER BY m.ts, m.seq, m.id")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    @Test
    void windowsOnlyUserMessagesOfAuthorsWhoDidNotOptOut() {
        fixture();
        List<Window> windows = windower.computeWindows(ws, new Spec(Unit.MESSAGES, 4, 0, null, null, "offline-1"));
        assertThat(windows).extracting(Window::id).containsExactly("a:0", "a:1", "a:2", "b:0");
        assertThat(windows).extracting(Window::messageCount).containsExactly(4, 4, 2, 3);
        Window first = windows.get(0);
        assertThat(first.firstPos()).isZero();
        assertThat(first.endPos()).isEqualTo(4);
        assertThat(first.start()).isEqualTo(T0);
        assertThat(first.end()).isEqualTo(T0.plusSeconds(180));
        assertThat(first.bytes()).isEqualTo(4 * "olá número 0".getBytes(StandardCharsets.UTF_8).length);
        assertThat(orderedIds("a")).hasSize(10).doesNotContain("sys", "cmd", "hidden").startsWith("a0", "a1");
    }

    @Test
    void theTableHoldsTheBoundaryMessagesOfEveryWindow() throws SQLException {
        fixture();
        windower.computeWindows(ws, new Spec(Unit.MESSAGES, 4, 0.5, null, null, "offline-1"));
        List<String> a = orderedIds("a");
        try (Statement st = ws.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT id, first_pos, end_pos, first_message, last_message, "
                     + "message_count, bytes FROM windows WHERE chat_id = 'a' ORDER BY idx")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                assertThat(rs.getString(4)).isEqualTo(a.get(rs.getInt(2)));
                assertThat(rs.getString(5)).isEqualTo(a.get(rs.getInt(3) - 1));
                assertThat(rs.getInt(6)).isEqualTo(rs.getInt(3) - rs.getInt(2));
            }
            assertThat(rows).isEqualTo(2); // [0,6), [4,10); the tail [8,10) lies inside [4,10)
        }
        assertThat(columnar.stored(ws)).extracting(Window::messageCount).containsExactly(6, 6, 3);
        assertThat(count("SELECT count(*) FROM windowing_stage")).isZero();
    }

    @Test
    void aRerunReplacesTheTable() {
        fixture();
        windower.computeWindows(ws, new Spec(Unit.MESSAGES, 2, 0, null, null, "w"));
        windower.computeWindows(ws, new Spec(Unit.DAYS, 1, 0, null, null, "w"));
        assertThat(columnar.stored(ws)).extracting(Window::id).containsExactly("a:0", "b:0");
    }

    @Test
    void previewWritesNothing() {
        fixture();
        List<Window> preview = columnar.preview(ws, new Spec(Unit.HOURS, 1, 0, null, null, "w"));
        assertThat(preview).extracting(Window::messageCount).containsExactly(10, 1, 1, 1);
        assertThat(count("SELECT count(*) FROM windows")).isZero();
    }

    @Test
    void bytesAreRealUtf8Bytes() {
        author("u1", "Amber Fox", false);
        message("a", "m1", T0, "u1", "user", "ééééé"); // 5 characters, 10 bytes
        message("a", "m2", T0.plusSeconds(1), "u1", "user", "ééééé");
        List<Window> windows = windower.computeWindows(ws, new Spec(Unit.BYTES, 15, 0, null, null, "w"));
        assertThat(windows).extracting(Window::messageCount).containsExactly(1, 1);
        assertThat(windows).extracting(Window::bytes).containsExactly(10L, 10L);
    }

    @Test
    void signaturesAreStableAndChangeOnlyWithTheirWindowsContentOrTheWriter() {
        fixture();
        Spec spec = new Spec(Unit.MESSAGES, 4, 0, null, null, "offline-1");
        List<String> before = signatures(windower.computeWindows(ws, spec));
        assertThat(signatures(windower.computeWindows(ws, spec))).isEqualTo(before);
        assertThat(before).doesNotHaveDuplicates().allMatch(s -> s.matches("[0-9a-f]{64}"));

        assertThat(signatures(windower.computeWindows(ws, new Spec(Unit.MESSAGES, 4, 0, null, null, "offline-2"))))
                .doesNotContainAnyElementsOf(before);

        // an edited message comes back in a later export with a new id (ingest's ids hash the text)
        sql("UPDATE messages SET id = 'a5-edited', text = 'edited' WHERE id = 'a5'");
        List<String> edited = signatures(windower.computeWindows(ws, spec));
        assertThat(edited.get(0)).isEqualTo(before.get(0));
        assertThat(edited.get(1)).isNotEqualTo(before.get(1));
        assertThat(edited.get(2)).isEqualTo(before.get(2));
        assertThat(edited.get(3)).isEqualTo(before.get(3));

        sql("UPDATE authors SET alias = 'Captain' WHERE id = 'u2'");
        List<String> aliased = signatures(windower.computeWindows(ws, spec));
        assertThat(aliased).doesNotContainAnyElementsOf(edited); // u2 writes in every window

        sql("UPDATE messages SET media_id = 'f00d' WHERE id = 'a9'");
        List<String> withMedia = signatures(windower.computeWindows(ws, spec));
        assertThat(withMedia.subList(0, 2)).isEqualTo(aliased.subList(0, 2));
        assertThat(withMedia.get(2)).isNotEqualTo(aliased.get(2));
    }

    @Test
    void messagesSignByTheirStoredIdHashElseByTheMd5OfTheirId() {
        author("u1", "Amber Fox", false);
        for (int i = 0; i < 4; i++) {
            message("a", "m" + i, T0.plusSeconds(i), "u1", "user", "same text");
        }
        sql("UPDATE messages SET id_hash = 1000 + seq"); // what ingest writes (core-v4)
        Spec spec = new Spec(Unit.MESSAGES, 1, 0, null, null, "w");
        List<String> before = signatures(windower.computeWindows(ws, spec));
        assertThat(before).hasSize(4).doesNotHaveDuplicates();

        sql("UPDATE messages SET id_hash = 7 WHERE id = 'm0'");
        sql("UPDATE messages SET id_hash = NULL WHERE id = 'm1'");
        List<String> after = signatures(windower.computeWindows(ws, spec));
        assertThat(after.get(0)).isNotEqualTo(before.get(0));
        assertThat(after.get(1)).isNotEqualTo(before.get(1));
        assertThat(after.subList(2, 4)).isEqualTo(before.subList(2, 4));
    }

    @Test
    void aLaterExportOnlyChangesTheLastWindow() {
        fixture();
        Spec spec = new Spec(Unit.MESSAGES, 4, 0, null, null, "w");
        List<String> before = signatures(windower.computeWindows(ws, spec));
        message("a", "a10", T0.plusSeconds(600), "u1", "user", "new");
        List<String> after = signatures(windower.computeWindows(ws, spec));
        assertThat(after.subList(0, 2)).isEqualTo(before.subList(0, 2));
        assertThat(after.get(2)).isNotEqualTo(before.get(2));
    }

    @Test
    void tiesOfTimeAndSeqAreBrokenByMessageId() {
        author("u1", "Amber Fox", false);
        sql("INSERT INTO messages (id, chat_id, ts, seq, author_id, kind, text, text_bytes, source_line) VALUES "
                + "('zz', 'a', TIMESTAMP '2025-01-01 10:00', 5, 'u1', 'user', 'later export', 11, 1), "
                + "('aa', 'a', TIMESTAMP '2025-01-01 10:00', 5, 'u1', 'user', 'first export', 12, 1), "
                + "('mm', 'a', TIMESTAMP '2025-01-01 10:01', 1, 'u1', 'user', 'next', 4, 2)");
        windower.computeWindows(ws, new Spec(Unit.MESSAGES, 1, 0, null, null, "w"));
        assertThat(orderedIds("a")).containsExactly("aa", "zz", "mm");
        try (Statement st = ws.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT first_message, bytes FROM windows ORDER BY idx")) {
            List<String> firsts = new ArrayList<>();
            List<Long> bytes = new ArrayList<>();
            while (rs.next()) {
                firsts.add(rs.getString(1));
                bytes.add(rs.getLong(2));
            }
            assertThat(firsts).containsExactly("aa", "zz", "mm");
            assertThat(bytes).containsExactly(12L, 11L, 4L);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anEmptyWorkspaceHasNoWindows() {
        assertThat(windower.computeWindows(ws, new Spec(Unit.CONVERSATION, 50, 0.2, null, null, "w"))).isEmpty();
        MessageColumns columns = new MessageColumnsReader().read(ws, false);
        assertThat(columns.size()).isZero();
        assertThat(columns.chatStarts()).containsExactly(0);
    }

    static List<String> signatures(List<Window> windows) {
        return windows.stream().map(Window::signature).toList();
    }

    long count(String sql) {
        try (Statement st = ws.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
