package dev.egregora.git;

/**
 * How {@link GitHistoryLoader} loads a repository. Immutable; start from {@link #defaults()}.
 *
 * @param detectRenames rename (and copy) detection on the first-parent diffs; off by default because it reads and
 *                      compares blob contents (git's {@code -M}, 50 % similarity)
 * @param detectBinary  read the first 8000 bytes of each changed blob to set {@code is_binary}, as git decides it
 *                      (a NUL byte); on by default
 * @param lineStats     count added and deleted lines of each file change, as {@code git log --numstat} does (a
 *                      line diff of both sides of every change); off by default
 * @param threads       diff worker threads (the walk runs on the calling thread); default: available processors
 * @param batchSize     commits per diff task
 */
public record LoadOptions(boolean detectRenames, boolean detectBinary, boolean lineStats, int threads,
                          int batchSize) {

    public LoadOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1: " + batchSize);
        }
    }

    /**
     * No rename detection, binary detection on, no line stats, one diff thread per available processor, batches of
     * 256.
     */
    public static LoadOptions defaults() {
        return new LoadOptions(false, true, false, Runtime.getRuntime().availableProcessors(), 256);
    }

    public LoadOptions withRenames(boolean on) {
        return new LoadOptions(on, detectBinary, lineStats, threads, batchSize);
    }

    public LoadOptions withBinaryDetection(boolean on) {
        return new LoadOptions(detectRenames, on, lineStats, threads, batchSize);
    }

    public LoadOptions withLineStats(boolean on) {
        return new LoadOptions(detectRenames, detectBinary, on, threads, batchSize);
    }

    public LoadOptions withThreads(int n) {
        return new LoadOptions(detectRenames, detectBinary, lineStats, n, batchSize);
    }

    public LoadOptions withBatchSize(int n) {
        return new LoadOptions(detectRenames, detectBinary, lineStats, threads, n);
    }
}
