package dev.egregora.writer.llm;

import java.util.List;

/** What a model returns for one window, after validation: the structured output of the writer prompt. */
public record DraftPost(String title, String slug, String summary, List<String> tags, String body) {
    public DraftPost {
        tags = List.copyOf(tags);
    }
}
