package dev.egregora.writer.llm;

import java.util.concurrent.TimeUnit;

/**
 * Spaces requests evenly so that at most {@code requestsPerMinute} start in any minute, across all threads that share
 * the instance. Each caller reserves the next free slot under a lock and sleeps outside it. Thread-safe.
 */
final class RequestRateLimiter {
    private final long intervalNanos;
    private long nextSlot;

    RequestRateLimiter(int requestsPerMinute) {
        this.intervalNanos = requestsPerMinute <= 0 ? 0 : TimeUnit.MINUTES.toNanos(1) / requestsPerMinute;
        this.nextSlot = System.nanoTime();
    }

    /** Blocks until this caller may send one request. */
    void acquire() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
