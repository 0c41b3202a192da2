package dev.egregora.writer.text;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SlugTest {
    static final Instant DAY = Instant.parse("2025-03-14T23:30:00Z");

    @Test
    void dateAndAsciiTitle() {
        assertThat(Slug.of(DAY, "Molho, feira e pastel de Ação!")).isEqualTo("2025-03-14-molho-feira-e-pastel-de-acao");
        assertThat(Slug.of(DAY, "Straße & Größe — Œuvre")).isEqualTo("2025-03-14-strasse-grosse-oeuvre");
    }

    @Test
    void atMostSixtyCharactersWithoutACutWord() {
        String slug = Slug.of(DAY, "a very long title about the lisbon trip and the apartment with a terrace");
        assertThat(slug).hasSizeLessThanOrEqualTo(60).doesNotEndWith("-").isEqualTo(
                "2025-03-14-a-very-long-title-about-the-lisbon-trip-and-the");
    }

    @Test
    void titlesWithoutAsciiLettersStillGetASlug() {
        assertThat(Slug.of(DAY, "😂 🎉")).isEqualTo("2025-03-14-post");
        assertThat(Slug.of(DAY, "東京")).isEqualTo("2025-03-14-post");
    }
}
