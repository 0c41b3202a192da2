package dev.egregora.git.store;

import java.util.List;

/** The rows one diff worker produced for one batch of commits. */
public record HistoryBatch(List<CommitRow> commits, List<FileChangeRow> changes) {
}
