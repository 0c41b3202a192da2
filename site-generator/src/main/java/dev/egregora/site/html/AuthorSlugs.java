package dev.egregora.site.html;

import dev.egregora.core.model.Author;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * URL slugs of author pages, made from pseudonyms and never from author ids: an id is the UUIDv5 of a normalised
 * real name in a public namespace, so publishing it would let anyone confirm a guessed name. Unique and
 * deterministic: authors are taken in id order, a clash gets {@code -2}, {@code -3}, ...
 */
public final class AuthorSlugs {
    private AuthorSlugs() {
    }

    /** Author id to slug, for every author given. */
    public static Map<String, String> of(Map<String, Author> authors) {
        Map<String, String> out = new HashMap<>();
        Set<String> used = new HashSet<>();
        for (Author a : new TreeMap<>(authors).values()) {
            String base = Slugs.of(a.pseudonym());
            String slug = base;
            for (int n = 2; !used.add(slug); n++) {
                slug = base + "-" + n;
            }
            out.put(a.id(), slug);
        }
        return out;
    }
}
