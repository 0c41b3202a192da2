package dev.egregora.core.pipeline;

import dev.egregora.core.port.InputAdapter;
import dev.egregora.core.port.SiteRenderer;
import dev.egregora.core.port.Windower;

/**
 * What {@code egregora write} should do.
 *
 * @param ingest           the export to read first, or null to use what the workspace already holds
 * @param windowing        how to cut windows (the writer fingerprint is filled in by the pipeline)
 * @param build            how to render the site afterwards, or null for {@code --no-build}
 * @param threads          windows written in parallel (>= 1)
 * @param publishRealNames the user's explicit choice to publish real names instead of pseudonyms
 */
public record WriteRequest(InputAdapter.Request ingest, Windower.Spec windowing, SiteRenderer.Request build,
                           int threads, boolean publishRealNames) {
    public WriteRequest {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
    }
}
