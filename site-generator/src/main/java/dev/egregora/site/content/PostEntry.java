package dev.egregora.site.content;

import java.time.Instant;
import java.util.List;

/**
 * A post's metadata as the site needs it for planning pages (no body): {@code contentHash} is a digest of every
 * column of the post row, computed in the database, so an unchanged post is recognised without reading its body.
 */
public record PostEntry(String id, String slug, String title, String summary, Instant date, Instant endDate,
                        List<String> tags, List<String> authorIds, List<String> mediaIds, String language,
                        String contentHash) {
    public PostEntry {
        tags = List.copyOf(tags);
        authorIds = List.copyOf(authorIds);
        mediaIds = List.copyOf(mediaIds);
    }
}
