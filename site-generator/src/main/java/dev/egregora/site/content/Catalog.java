package dev.egregora.site.content;

import dev.egregora.core.model.Author;
import dev.egregora.core.model.MediaItem;
import dev.egregora.core.model.Profile;

import java.util.List;
import java.util.Map;

/**
 * Everything the site is built from except post bodies: posts newest first (ties by id), authors by id (never a
 * real name), profiles by author id, media by id, the {@code related_posts} of each post id (best first; empty
 * when the pipeline computed none), the ids of the best ranked posts from {@code post_ranks} (best first) and, from
 * {@code post_continues}, the earlier post each post continues (post id to post id).
 */
public record Catalog(List<PostEntry> posts, Map<String, Author> authors, Map<String, Profile> profiles,
                      Map<String, MediaItem> media, Map<String, List<String>> related, List<String> top,
                      Map<String, String> continues) {
    public Catalog {
        posts = List.copyOf(posts);
        authors = Map.copyOf(authors);
        profiles = Map.copyOf(profiles);
        media = Map.copyOf(media);
        related = Map.copyOf(related);
        top = List.copyOf(top);
        continues = Map.copyOf(continues);
    }

    public Catalog(List<PostEntry> posts, Map<String, Author> authors, Map<String, Profile> profiles,
                   Map<String, MediaItem> media, Map<String, List<String>> related, List<String> top) {
        this(posts, authors, profiles, media, related, top, Map.of());
    }

    public Catalog(List<PostEntry> posts, Map<String, Author> authors, Map<String, Profile> profiles,
                   Map<String, MediaItem> media) {
        this(posts, authors, profiles, media, Map.of(), List.of(), Map.of());
    }
}
