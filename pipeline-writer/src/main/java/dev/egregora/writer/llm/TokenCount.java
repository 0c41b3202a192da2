package dev.egregora.writer.llm;

/** Tokens a window cost; {@code cached} when the answer came from the response cache (nothing paid this run). */
public record TokenCount(long in, long out, boolean cached) {
}
