package dev.egregora.etl.classify;

/**
 * An in-chat command to egregora.
 *
 * @param action {@code opt-out}, {@code opt-in}, {@code set-alias}, {@code remove-alias} or {@code unknown}
 * @param value  the alias for {@code set-alias}, else null
 */
public record Command(String action, String value) {
    public static final String OPT_OUT = "opt-out";
    public static final String OPT_IN = "opt-in";
    public static final String SET_ALIAS = "set-alias";
    public static final String REMOVE_ALIAS = "remove-alias";
    public static final String UNKNOWN = "unknown";
}
