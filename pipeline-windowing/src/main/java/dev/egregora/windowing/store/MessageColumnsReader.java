package dev.egregora.windowing.store;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.model.Ids;
import dev.egregora.core.store.Workspace;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

/**
 * Loads the windowable messages in ONE query: {@code kind = 'user'} messages whose author exists in {@code authors}
 * and has not opted out, ordered by {@code chat_id, ts, seq, id}. Only fixed-width numbers cross JDBC (the DuckDB
 * driver turns every VARCHAR cell of a fetched vector into a Java string, read or not): the chat as an ordinal into
 * the sorted chat ids (read by a second, small query), the author as an ordinal into the authors sorted by id.
 *
 * <p>The per-message content digest is mixed in Java from fixed-width parts: {@code messages.id_hash} (63 bits of
 * the MurmurHash3 that ingest's ids are, over chat, time, author and text, so the id already digests the text; rows
 * without it use the md5 of their id), a hash of the media id (rare), and a SHA-256 prefix of the author's pseudonym
 * and alias computed once per author. Stored messages are never updated (ingest only inserts new ids), so the id
 * stands for the text.
 */
public final class MessageColumnsReader {
    /** The filter and order the window positions refer to; message loaders must use the same. */
    public static final String WINDOWABLE = "FROM messages m JOIN authors a ON a.id = m.author_id "
            + "WHERE m.kind = 'user' AND NOT a.opted_out";

    private static final String CHATS = "SELECT DISTINCT chat_id FROM messages ORDER BY chat_id";

    private static final String COLUMNS = """
            WITH chats AS (
                SELECT chat_id, (row_number() OVER (ORDER BY chat_id) - 1)::INTEGER AS c
                FROM (SELECT DISTINCT chat_id FROM messages)
            ), who AS (
                SELECT id, opted_out, (row_number() OVER (ORDER BY id) - 1)::INTEGER AS a FROM authors
            )
            SELECT ch.c, epoch_us(m.ts), m.text_bytes, m.rowid%s
            FROM messages m JOIN who ON who.id = m.author_id JOIN chats ch ON ch.chat_id = m.chat_id
            WHERE m.kind = 'user' AND NOT who.opted_out
            ORDER BY ch.c, m.ts, m.seq, m.id
            """;

    /** The id's 63-bit hash: {@code messages.id_hash} (written by ingest), else the md5 of the id. */
    private static final String DIGEST_COLUMNS = ", who.a, coalesce(m.id_hash, (md5_number_lower(m.id) >> 1)::BIGINT), "
            + "CASE WHEN m.media_id IS NULL THEN 0 ELSE (md5_number_lower(m.media_id) >> 1)::BIGINT END";

    private static final String AUTHORS = "SELECT pseudonym, coalesce(alias, '') FROM authors ORDER BY id";

    public MessageColumns read(Workspace workspace, boolean withDigests) {
        List<String> chatIds = strings(workspace, CHATS);
        long[] authorDigests = withDigests ? authorDigests(workspace) : new long[0];
        List<String> chats = new ArrayList<>();
        int[] starts = new int[8];
        long[] ts = new long[1024];
        int[] bytes = new int[1024];
        long[] digests = new long[withDigests ? 1024 : 0];
        long[] rows = new long[1024];
        int n = 0;
        String sql = COLUMNS.formatted(withDigests ? DIGEST_COLUMNS : "");
        try (Statement st = workspace.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int lastChat = -1;
            while (rs.next()) {
                int chat = rs.getInt(1);
                if (chat != lastChat) {
                    if (chats.size() == starts.length) {
                        starts = Arrays.copyOf(starts, starts.length * 2);
                    }
                    starts[chats.size()] = n;
                    chats.add(chatIds.get(chat));
                    lastChat = chat;
                }
                if (n == ts.length) {
                    ts = Arrays.copyOf(ts, n * 2);
                    bytes = Arrays.copyOf(bytes, n * 2);
                    rows = Arrays.copyOf(rows, n * 2);
                    if (withDigests) {
                        digests = Arrays.copyOf(digests, n * 2);
                    }
                }
                ts[n] = rs.getLong(2);
                bytes[n] = rs.getInt(3);
                rows[n] = rs.getLong(4);
                if (withDigests) {
                    digests[n] = digest(rs.getLong(6), rs.getLong(7), authorDigests[rs.getInt(5)]);
                }
                n++;
            }
        } catch (SQLException | IndexOutOfBoundsException e) {
            throw new EgregoraException("cannot read messages for windowing: " + firstLine(e.getMessage()), e);
        }
        int[] chatStarts = Arrays.copyOf(starts, chats.size() + 1);
        chatStarts[chats.size()] = n;
        return new MessageColumns(chats, chatStarts, Arrays.copyOf(ts, n), Arrays.copyOf(bytes, n),
                withDigests ? Arrays.copyOf(digests, n) : new long[0], Arrays.copyOf(rows, n));
    }

    /**
     * One message's 64-bit content digest from its id, media and author digests (odd multipliers and rotations, so
     * two different ids never give one digest for the same author and media; the window signature folds these
     * again and ends in SHA-256).
     */
    static long digest(long id, long media, long author) {
        return id ^ Long.rotateLeft(media * 0x9E3779B97F4A7C15L, 21) ^ Long.rotateLeft(author * 0xC2B2AE3D27D4EB4FL, 42);
    }

    /** Per author (ordered by id): the first 64 bits of SHA-256 over pseudonym 0x00 alias. */
    private static long[] authorDigests(Workspace workspace) {
        LongStream.Builder out = LongStream.builder();
        MessageDigest sha = Ids.sha256();
        try (Statement st = workspace.connection().createStatement(); ResultSet rs = st.executeQuery(AUTHORS)) {
            while (rs.next()) {
                sha.update(rs.getString(1).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(rs.getString(2).getBytes(StandardCharsets.UTF_8));
                out.add(ByteBuffer.wrap(sha.digest()).getLong());
            }
        } catch (SQLException e) {
            throw new EgregoraException("cannot read authors for windowing: " + firstLine(e.getMessage()), e);
        }
        return out.build().toArray();
    }

    private static List<String> strings(Workspace workspace, String sql) {
        List<String> out = new ArrayList<>();
        try (Statement st = workspace.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new EgregoraException("cannot read chats for windowing: " + firstLine(e.getMessage()), e);
        }
        return out;
    }

    static String firstLine(String message) {
        String m = message == null ? "unknown error" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
