package dev.egregora.core.model;

import java.time.Instant;
import java.util.List;

/** A written post as stored in {@code posts}; the body is Markdown with pseudonyms only. */
public record Post(String id, String slug, String signature, String title, String summary, Instant date,
                   Instant endDate, List<String> tags, List<String> authorIds, List<String> mediaIds,
                   String language, String bodyMarkdown, String writer) {
    public Post {
        tags = List.copyOf(tags);
        authorIds = List.copyOf(authorIds);
        mediaIds = List.copyOf(mediaIds);
    }
}
