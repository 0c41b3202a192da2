package dev.egregora.core.model;

import java.time.Instant;

/**
 * A slice of one chat that becomes one post: the messages at positions {@code [firstPos, endPos)} of the chat's
 * user messages ordered by (ts, seq).
 */
public record Window(String id, String chatId, int index, long firstPos, long endPos, Instant start, Instant end,
                     int messageCount, long bytes, String signature) {
}
