package dev.egregora.writer.memory;

import java.util.Locale;

/**
 * How related posts are found ({@code [memory]} in the site's config, {@code --related} on the command line).
 *
 * @param related how the {@code related} stage measures similarity
 * @param count   related posts kept per post (1..20)
 * @param context earlier related posts an LLM writer is told about per window (0..10)
 */
public record MemorySettings(Method related, int count, int context) {
    /** {@code terms}: TF-IDF over title, summary and tags; {@code embeddings}: local sentence vectors. */
    public enum Method {
        TERMS, EMBEDDINGS, OFF;

        /** {@code auto} picks embeddings for an LLM writer (whose memory uses them anyway), terms otherwise. */
        public static Method parse(String value, boolean llmWriter) {
            String v = value == null || value.isBlank() ? "auto" : value.strip().toLowerCase(Locale.ROOT);
            return switch (v) {
                case "auto" -> llmWriter ? EMBEDDINGS : TERMS;
                case "terms", "tags" -> TERMS;
                case "embeddings" -> EMBEDDINGS;
                case "off", "none" -> OFF;
                default -> throw new IllegalArgumentException("unknown related-posts method '" + value
                        + "' (auto, terms, embeddings or off)");
            };
        }
    }

    public static final MemorySettings DEFAULTS = new MemorySettings(Method.TERMS, 5, 3);

    public MemorySettings {
        if (related == null || count < 1 || count > 20 || context < 0 || context > 10) {
            throw new IllegalArgumentException("invalid memory settings: " + related + ", count " + count
                    + ", context " + context);
        }
    }
}
