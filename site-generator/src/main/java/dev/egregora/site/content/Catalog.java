package dev.egregora.site.content;

import dev.egregora.core.model.Author;
import dev.egregora.core.model.MediaItem;
import dev.egregora.core.model.Profile;

import java.util.List;
import java.util.Map;

/**
 * Everything the site is built from except post bodies: posts newest first (ties by id), authors by id (never a
 * real name), profiles by author id, media by id, the {@code related_posts} of each post id (best first; empty
 * when the pipeline computed none) and the ids of the best ranked posts from {@code post_ranks} (best first).
 */
public record Catalog(List<PostEntry> posts, Map<String, Author> authors, Map<String, Profile> profiles,
                      Map<String, MediaItem> media, Map<String, List<String>> related, List<String> top) {
    public Catalog {
        posts = List.copyOf(posts);
        authors = Map.copyOf(authors);
        profiles = Map.copyOf(profiles);
        media = Map.copyOf(media);
        related = Map.copyOf(related);
        top = List.copyOf(top);
    }

    public Catalog(List<PostEntry> posts, Map<String, Author> authors, Map<String, Profile> profiles,
                   Map<String, MediaItem> media) {
        this(posts, authors, profiles, media, Map.of(), List.of());
    }
}
