package dev.egregora.writer.llm;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

class ResilientHttpClientTest {
    private final ResilientHttpClient client = new ResilientHttpClient(new LlmOptions(Duration.ofSeconds(1), 5,
            Duration.ofMillis(100), Duration.ofSeconds(30), 0, 0));

    @Test
    void retryAfterReadsSecondsAndHttpDatesAndIsCapped() {
        assertThat(client.retryAfter("2")).isEqualTo(Duration.ofSeconds(2));
        assertThat(client.retryAfter(" 0.5 ")).isEqualTo(Duration.ofMillis(500));
        assertThat(client.retryAfter("3600")).isEqualTo(Duration.ofSeconds(30));
        assertThat(client.retryAfter("-4")).isEqualTo(Duration.ZERO);
        assertThat(client.retryAfter("soon")).isNull();
        assertThat(client.retryAfter(null)).isNull();
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(20));
        assertThat(client.retryAfter(date)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(20));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusSeconds(20));
        assertThat(client.retryAfter(past)).isEqualTo(Duration.ZERO);
    }

    @Test
    void backoffGrowsExponentiallyWithinItsJitterAndCap() {
        for (int attempt = 1; attempt <= 12; attempt++) {
            long full = Math.min(30_000, 100L << (attempt - 1));
            assertThat(client.backoff(attempt).toMillis()).isBetween(full / 2, full);
        }
    }
}
