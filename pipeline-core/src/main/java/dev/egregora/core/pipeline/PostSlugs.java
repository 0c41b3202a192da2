package dev.egregora.core.pipeline;

import dev.egregora.core.model.Post;
import dev.egregora.core.model.Window;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps post slugs unique and stable: a post keeps the slug its writer gives unless another post holds it, in which
 * case the window index makes it unique (deterministic, so a re-run gives the same slug). Both directions are kept,
 * so claiming a slug costs O(1) however many posts exist. Not thread-safe (the pipeline commits on one thread).
 */
final class PostSlugs {
    private final Map<String, String> idBySlug;
    private final Map<String, String> slugById = new HashMap<>();

    /** {@code stored}: slug -> post id of every stored post. */
    PostSlugs(Map<String, String> stored) {
        idBySlug = new HashMap<>(stored);
        stored.forEach((slug, id) -> slugById.put(id, slug));
    }

    /** {@code post} with a slug no other post holds; the slug is then held by this post. */
    Post claim(Post post, Window w) {
        String slug = post.slug();
        if (isHeldByAnother(slug, post.id())) {
            slug = post.slug() + "-" + (w.index() + 1);
            for (int n = 2; isHeldByAnother(slug, post.id()); n++) {
                slug = post.slug() + "-" + (w.index() + 1) + "-" + n;
            }
        }
        String previous = slugById.put(post.id(), slug);
        if (previous != null && !previous.equals(slug)) {
            idBySlug.remove(previous);
        }
        idBySlug.put(slug, post.id());
        return slug.equals(post.slug()) ? post : new Post(post.id(), slug, post.signature(), post.title(),
                post.summary(), post.date(), post.endDate(), post.tags(), post.authorIds(), post.mediaIds(),
                post.language(), post.bodyMarkdown(), post.writer());
    }

    private boolean isHeldByAnother(String slug, String id) {
        String holder = idBySlug.get(slug);
        return holder != null && !holder.equals(id);
    }
}
