package dev.egregora.writer.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * How an LLM writer talks to its server. Defaults suit a hosted API; tests shorten them.
 *
 * @param timeout           per HTTP request (connect and read)
 * @param maxAttempts       HTTP attempts per model call (1 = no retry); retried on 429, 5xx, timeouts, I/O errors
 * @param baseBackoff       first retry delay; doubled each attempt (with jitter) up to {@code maxBackoff}
 * @param maxBackoff        longest wait between attempts, also the cap on a server's {@code Retry-After}
 * @param requestsPerMinute shared by every thread of one writer; 0 = unlimited
 * @param temperature       sampling temperature sent to the model
 */
public record LlmOptions(Duration timeout, int maxAttempts, Duration baseBackoff, Duration maxBackoff,
                         int requestsPerMinute, double temperature) {
    public static final LlmOptions DEFAULTS = new LlmOptions(Duration.ofSeconds(120), 6, Duration.ofSeconds(1),
            Duration.ofSeconds(60), 60, 0.4);

    public LlmOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(baseBackoff, "baseBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (timeout.isNegative() || timeout.isZero() || maxAttempts < 1 || baseBackoff.isNegative()
                || maxBackoff.compareTo(baseBackoff) < 0 || requestsPerMinute < 0 || temperature < 0) {
            throw new IllegalArgumentException("invalid LLM options: " + timeout + ", " + maxAttempts + ", "
                    + baseBackoff + ", " + maxBackoff + ", " + requestsPerMinute + ", " + temperature);
        }
    }

    public LlmOptions withRequestsPerMinute(int value) {
        return new LlmOptions(timeout, maxAttempts, baseBackoff, maxBackoff, value, temperature);
    }

    public LlmOptions withTimeout(Duration value) {
        return new LlmOptions(value, maxAttempts, baseBackoff, maxBackoff, requestsPerMinute, temperature);
    }

    public LlmOptions withRetries(int attempts, Duration base, Duration max) {
        return new LlmOptions(timeout, attempts, base, max, requestsPerMinute, temperature);
    }
}
