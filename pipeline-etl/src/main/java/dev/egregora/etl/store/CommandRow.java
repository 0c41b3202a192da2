package dev.egregora.etl.store;

/** An in-chat command to apply to {@code authors} if its message is new. */
public record CommandRow(String messageId, String authorId, String action, String value) {
}
