package dev.egregora.git;

import java.time.Instant;
import java.util.List;

/**
 * A path's history on one branch (its first-parent line).
 *
 * @param path     repository-relative path
 * @param created  author time of the oldest change of the path on the branch
 * @param updated  author time of the newest change
 * @param createdSha commit of the oldest change
 * @param updatedSha commit of the newest change
 * @param changes  number of commits on the branch that changed the path
 * @param authors  distinct author names of those commits, most recent first
 * @param exists   whether the path exists at the branch tip
 */
public record FileHistory(String path, Instant created, Instant updated, String createdSha, String updatedSha,
                          int changes, List<String> authors, boolean exists) {
}
