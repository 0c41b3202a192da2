package dev.egregora.git;

/**
 * How {@link GitHistoryLoader} loads a repository. Immutable; start from {@link #defaults()}.
 *
 * @param detectRenames rename (and copy) detection on the first-parent diffs; off by default because it reads and
 *                      compares blob contents (git's {@code -M}, 50 % similarity)
 * @param detectBinary  read the first 8000 bytes of each changed blob to set {@code is_binary}, as git decides it
 *                      (a NUL byte); on by default
 * @param threads       diff worker threads (the walk runs on the calling thread); default: available processors
 * @param batchSize     commits per diff task
 */
public record LoadOptions(boolean detectRenames, boolean detectBinary, int threads, int batchSize) {

    public LoadOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1: " + batchSize);
        }
    }

    /** No rename detection, binary detection on, one diff thread per available processor, batches of 256. */
    public static LoadOptions defaults() {
        return new LoadOptions(false, true, Runtime.getRuntime().availableProcessors(), 256);
    }

    public LoadOptions withRenames(boolean on) {
        return new LoadOptions(on, detectBinary, threads, batchSize);
    }

    public LoadOptions withBinaryDetection(boolean on) {
        return new LoadOptions(detectRenames, on, threads, batchSize);
    }

    public LoadOptions withThreads(int n) {
        return new LoadOptions(detectRenames, detectBinary, n, batchSize);
    }

    public LoadOptions withBatchSize(int n) {
        return new LoadOptions(detectRenames, detectBinary, threads, n);
    }
}
