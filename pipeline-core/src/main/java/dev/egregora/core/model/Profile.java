package dev.egregora.core.model;

import java.time.Instant;
import java.util.List;

/** An author's profile page data; {@code hours} holds 24 message counts by UTC hour of day. */
public record Profile(String authorId, String pseudonym, long messageCount, Instant firstTs, Instant lastTs,
                      List<Integer> hours, List<String> topWords, List<String> topEmoji, List<String> postIds,
                      String bodyMarkdown) {
    public Profile {
        hours = List.copyOf(hours);
        topWords = List.copyOf(topWords);
        topEmoji = List.copyOf(topEmoji);
        postIds = List.copyOf(postIds);
    }
}
