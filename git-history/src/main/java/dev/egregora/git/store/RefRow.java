package dev.egregora.git.store;

/** One {@code git_refs} row: a full ref name and the commit it points to (annotated tags peeled). */
public record RefRow(String name, String sha, boolean tag, boolean remote) {
}
