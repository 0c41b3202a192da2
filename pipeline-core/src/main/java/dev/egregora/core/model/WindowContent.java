package dev.egregora.core.model;

import java.util.List;
import java.util.Map;

/** Everything a writer may see of a window: its messages, their authors (pseudonyms only) and media. */
public record WindowContent(Window window, List<Message> messages, Map<String, Author> authors,
                            Map<String, MediaItem> media) {
    public WindowContent {
        messages = List.copyOf(messages);
        authors = Map.copyOf(authors);
        media = Map.copyOf(media);
    }
}
