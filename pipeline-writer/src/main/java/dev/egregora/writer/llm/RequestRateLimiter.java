package dev.egregora.writer.llm;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Spaces requests evenly so that at most {@code requestsPerMinute} start in any minute, across all threads that share
 * the instance. Each caller reserves the next free slot under a lock and sleeps outside it. Thread-safe.
 */
final class RequestRateLimiter {
    /** Sleeps for a number of nanoseconds (a seam for tests). */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final long intervalNanos;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private long nextSlot;

    RequestRateLimiter(int requestsPerMinute) {
        this(requestsPerMinute, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    RequestRateLimiter(int requestsPerMinute, LongSupplier clock, Sleeper sleeper) {
        this.intervalNanos = requestsPerMinute <= 0 ? 0 : TimeUnit.MINUTES.toNanos(1) / requestsPerMinute;
        this.clock = clock;
        this.sleeper = sleeper;
        this.nextSlot = clock.getAsLong();
    }

    /** Blocks until this caller may send one request. */
    void acquire() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = clock.getAsLong();
            long slot = Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            sleeper.sleep(wait);
        }
    }
}
