package dev.egregora.core.model;

import java.time.Instant;

/**
 * One chat message as stored in {@code messages}. {@code authorId} is null for system messages; {@code text} is
 * already privacy-masked; {@code mediaId} points to {@code media.id} when the attachment was found in the export.
 */
public record Message(String id, String chatId, Instant ts, long seq, String authorId, MessageKind kind,
                      String text, String mediaId, String mediaName) {
}
