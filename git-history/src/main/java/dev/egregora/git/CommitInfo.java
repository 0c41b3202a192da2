package dev.egregora.git;

import java.time.Instant;

/** A loaded commit as the resolver answers it. */
public record CommitInfo(String sha, Instant commitTime, Instant authorTime, String authorName, String subject) {

    /** The first 7 hex digits, as git abbreviates by default. */
    public String shortSha() {
        return sha.substring(0, Math.min(7, sha.length()));
    }
}
