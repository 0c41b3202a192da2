package dev.egregora.etl.store;

/** An author seen in an export; {@code realName} is private and only ever written to {@code authors.real_name}. */
public record AuthorRow(String id, String chatId, String pseudonym, String realName) {
}
