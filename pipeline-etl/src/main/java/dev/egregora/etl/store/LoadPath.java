package dev.egregora.etl.store;

/**
 * How new messages reach DuckDB. Both are measured side by side by {@code dev.egregora.benchmarks.etl}
 * (see docs/etl.md for the numbers).
 */
public enum LoadPath {
    /** DuckDB's Java appender, one call per value, straight into {@code messages}. */
    APPENDER,
    /** A temp CSV file written with a hand-rolled UTF-8 writer, then one {@code INSERT ... FROM read_csv(...)}. */
    CSV
}
