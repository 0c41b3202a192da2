package dev.egregora.core.model;

/**
 * A participant as every stage after ETL sees them: no real name here, on purpose. {@link #displayName()} is what
 * may be published.
 */
public record Author(String id, String pseudonym, String alias, boolean optedOut) {
    public String displayName() {
        return alias != null && !alias.isBlank() ? alias : pseudonym;
    }
}
