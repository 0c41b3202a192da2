package dev.egregora.windowing.store;

import java.util.List;

/**
 * The windowable messages of every chat as primitive columns, chats one after the other, each in (ts, seq, id) order.
 * Chat {@code c} holds rows {@code [chatStarts[c], chatStarts[c + 1])}; a message's position in its chat is its row
 * minus {@code chatStarts[c]}.
 *
 * @param chatIds    chat ids, sorted
 * @param chatStarts first row of each chat, plus the total row count at the end
 * @param tsMicros   epoch microseconds (UTC)
 * @param bytes      UTF-8 byte length of the text ({@code messages.text_bytes})
 * @param digests    64-bit content digest of each message (id, text, author name and alias, media id); empty
 *                   when loaded without digests
 * @param rowIds     DuckDB rowid of each message (valid within the run that read them); empty when not read
 */
public record MessageColumns(List<String> chatIds, int[] chatStarts, long[] tsMicros, int[] bytes, long[] digests,
                             long[] rowIds) {
    public MessageColumns {
        chatIds = List.copyOf(chatIds);
    }

    /** Columns without rowids (computed, not read from a workspace). */
    public MessageColumns(List<String> chatIds, int[] chatStarts, long[] tsMicros, int[] bytes, long[] digests) {
        this(chatIds, chatStarts, tsMicros, bytes, digests, new long[0]);
    }

    public int size() {
        return tsMicros.length;
    }

    public int chats() {
        return chatIds.size();
    }
}
