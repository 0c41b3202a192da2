package dev.egregora.core.pipeline;

import dev.egregora.core.port.InputAdapter;
import dev.egregora.core.port.SiteRenderer;

import java.time.Duration;
import java.util.List;

/**
 * What one {@code write} run did.
 *
 * @param overhead the run's wall time minus the stages' own time: the orchestration cost
 */
public record WriteReport(String runId, InputAdapter.IngestSummary ingest, int windows, int written, int skipped,
                          List<Failure> failures, long postsRemoved, int profiles, SiteRenderer.BuildSummary build,
                          List<StageTiming> timings, Duration total, Duration overhead) {
    public WriteReport {
        failures = List.copyOf(failures);
        timings = List.copyOf(timings);
    }

    /** A window whose writer failed; it is retried on the next run. */
    public record Failure(String windowId, String error) {
    }
}
