package dev.egregora.writer.llm;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WriterPromptStampTest {

    private static String stamp(String instant) {
        StringBuilder sb = new StringBuilder();
        WriterPrompt.stamp(sb, Instant.parse(instant));
        return sb.toString();
    }

    @Test
    void padsEveryFieldWithZeros() {
        assertThat(stamp("0005-03-07T04:09:59Z")).isEqualTo("0005-03-07 04:09");
        assertThat(stamp("2024-12-31T23:59:00Z")).isEqualTo("2024-12-31 23:59");
        assertThat(stamp("1970-01-01T00:00:00Z")).isEqualTo("1970-01-01 00:00");
    }

    @Test
    void keepsYearsBeyondFourDigits() {
        assertThat(stamp("+12345-06-15T10:20:00Z")).isEqualTo("12345-06-15 10:20");
    }
}
