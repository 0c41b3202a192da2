package dev.egregora.writer.llm;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RequestRateLimiterTest {
    @Test
    void spacesRequestsEvenlyOnAFakeClock() throws InterruptedException {
        AtomicLong now = new AtomicLong(1_000);
        List<Long> waits = new ArrayList<>();
        RequestRateLimiter limiter = new RequestRateLimiter(60, now::get, waits::add); // one per second
        for (int i = 0; i < 4; i++) {
            limiter.acquire(); // all at the same instant: 0 s, 1 s, 2 s, 3 s
        }
        assertThat(waits).containsExactly(TimeUnit.SECONDS.toNanos(1), TimeUnit.SECONDS.toNanos(2),
                TimeUnit.SECONDS.toNanos(3));

        now.addAndGet(TimeUnit.SECONDS.toNanos(10)); // idle: the next request goes at once
        waits.clear();
        limiter.acquire();
        limiter.acquire();
        assertThat(waits).containsExactly(TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void zeroMeansUnlimited() throws InterruptedException {
        List<Long> waits = new ArrayList<>();
        RequestRateLimiter limiter = new RequestRateLimiter(0, () -> 0L, waits::add);
        for (int i = 0; i < 100; i++) {
            limiter.acquire();
        }
        assertThat(waits).isEmpty();
    }
}
