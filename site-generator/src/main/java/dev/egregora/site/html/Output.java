package dev.egregora.site.html;

import java.util.Map;
import java.util.function.Function;

/**
 * One file of the site: its path under the output dir, the fingerprint of all its inputs, and how to produce its
 * bytes when the fingerprint changed. {@code postId} is set when producing needs that post's body.
 */
public record Output(String path, String hash, Kind kind, String postId, Function<Inputs, byte[]> producer) {

    public enum Kind { PAGE, CARD, ASSET, MEDIA, SEARCH_INDEX }

    /** Data loaded only for the outputs that are rebuilt: post bodies and search terms, by post id. */
    public record Inputs(Map<String, String> bodies, Map<String, String> searchTerms) {
    }
}
