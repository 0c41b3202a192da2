package dev.egregora.writer.enrich;

/** What a shared link is about, from its page: title and description (either may be empty). */
public record LinkPreview(String url, String title, String description) {
}
