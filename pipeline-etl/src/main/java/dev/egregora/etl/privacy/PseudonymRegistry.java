package dev.egregora.etl.privacy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Unique pseudonyms, assigned deterministically. An author id already known (stored in {@code authors}) keeps its
 * pseudonym forever; a new id gets its base pseudonym ({@link Pseudonyms#of}) if no one holds it yet, else the base
 * with the first free suffix {@code " 2"}, {@code " 3"}, … — so collisions are resolved in order of first appearance
 * (base names never contain digits, so a suffixed name never equals a base name). Uniqueness is over every pseudonym
 * given out in the site database, which implies uniqueness within each chat even when one person takes part in
 * several chats. Not thread-safe; one per ingest.
 */
public final class PseudonymRegistry {
    private final Map<String, String> byId;
    private final Set<String> taken;

    /** Starts from the (id → pseudonym) pairs already stored; their pseudonyms are never changed or reused. */
    public PseudonymRegistry(Map<String, String> stored) {
        Objects.requireNonNull(stored, "stored");
        this.byId = new HashMap<>(Math.max(16, stored.size() * 2));
        this.taken = new HashSet<>(Math.max(16, stored.size() * 2));
        for (Map.Entry<String, String> e : stored.entrySet()) {
            byId.put(e.getKey(), e.getValue());
            taken.add(e.getValue());
        }
    }

    /** The pseudonym of {@code authorId}: the stored one, the one assigned earlier in this run, or a new unique one. */
    public String pseudonymOf(String authorId) {
        String p = byId.get(authorId);
        if (p != null) {
            return p;
        }
        String base = Pseudonyms.of(authorId);
        p = base;
        for (int n = 2; taken.contains(p); n++) {
            p = base + " " + n;
        }
        byId.put(authorId, p);
        taken.add(p);
        return p;
    }

    /** How many pseudonyms are held (stored and assigned in this run). */
    public int size() {
        return taken.size();
    }
}
