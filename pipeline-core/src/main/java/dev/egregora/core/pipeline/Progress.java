package dev.egregora.core.pipeline;

/** Where the pipeline reports progress: a progress bar on a terminal, log lines otherwise, nothing in tests. */
public interface Progress {

    /** A stage starts; {@code total} items are expected, or -1 when unknown. */
    void start(String stage, long total);

    /** {@code items} more items of the current stage are done. */
    void advance(long items);

    /** The current stage is done. */
    void finish();

    Progress NONE = new Progress() {
        @Override
        public void start(String stage, long total) {
        }

        @Override
        public void advance(long items) {
        }

        @Override
        public void finish() {
        }
    };
}
