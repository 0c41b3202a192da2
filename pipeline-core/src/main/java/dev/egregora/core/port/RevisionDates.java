package dev.egregora.core.port;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** "Created / last updated" dates of files, in bulk (never one lookup per file against the source of history). */
public interface RevisionDates {

    /** Dates of the given repository-relative paths; paths without history are absent from the result. */
    Map<String, Revision> of(Collection<String> paths);

    record Revision(Instant created, Instant updated, String createdSha, String updatedSha) {
    }

    /** For sites that are not in a repository. */
    RevisionDates NONE = paths -> Map.of();
}
