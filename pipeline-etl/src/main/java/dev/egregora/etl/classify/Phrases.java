package dev.egregora.etl.classify;

import java.util.BitSet;
import java.util.Locale;
import java.util.Set;

/**
 * A set of whole-body marker phrases ({@code this message was deleted}, {@code <media omitted>}, ...) matched
 * ignoring case. {@link #mayMatch} is a cheap pre-check on the length and the first character, so that most bodies
 * are never lower-cased (an allocation per message on the ingest's hot path). Immutable.
 */
final class Phrases {
    private final Set<String> lower;
    private final BitSet lengths = new BitSet();
    private final BitSet firstChars = new BitSet();

    Phrases(String... phrases) {
        this.lower = Set.of(phrases);
        for (String p : phrases) {
            if (!p.equals(p.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("phrases are given lower-cased: " + p);
            }
            lengths.set(p.length());
            firstChars.set(p.charAt(0));
        }
    }

    /** False when {@code text} cannot be one of the phrases (its length or lower-cased first char never occurs). */
    boolean mayMatch(String text) {
        return lengths.get(text.length()) && firstChars.get(Character.toLowerCase(text.charAt(0)));
    }

    /** True when {@code text}, lower-cased, is one of the phrases. */
    boolean matches(String text) {
        return lower.contains(text.toLowerCase(Locale.ROOT));
    }
}
