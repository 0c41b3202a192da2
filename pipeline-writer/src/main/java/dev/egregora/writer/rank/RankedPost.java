package dev.egregora.writer.rank;

/** A post's place in a ranking: 1-based {@code rank}, higher {@code score} first. */
public record RankedPost(int rank, String postId, String slug, String title, double score) {
}
