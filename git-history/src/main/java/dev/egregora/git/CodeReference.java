package dev.egregora.git;

/**
 * A code reference found in chat text.
 *
 * @param start index of the first char in the text
 * @param end   index after the last char
 * @param kind  a commit SHA or a repository file path
 * @param text  the text as written
 * @param sha   the full SHA of the commit, or of the commit that was HEAD of the default branch at the message time
 *              (for a file)
 * @param path  the repository path for a file, {@code null} for a commit
 * @param url   the GitHub link when the remote is on GitHub, else {@code null}
 */
public record CodeReference(int start, int end, Kind kind, String text, String sha, String path, String url) {

    public enum Kind { COMMIT, FILE }
}
