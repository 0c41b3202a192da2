package dev.egregora.core.store;

import java.util.Comparator;
import java.util.Objects;

/**
 * One versioned schema change contributed by a module. Modules bind theirs into a Guice multibinder
 * ({@code Multibinder.newSetBinder(binder(), Migration.class)}); {@link Workspace} applies the ones not yet applied,
 * core's first, then by module name and version, each in its own transaction.
 *
 * @param module      the contributing module, e.g. {@code "core"}, {@code "git-history"}
 * @param version     1, 2, ... within the module; never reuse or edit an applied version
 * @param description what it changes
 * @param sql         one or more statements separated by {@code ;}
 */
public record Migration(String module, int version, String description, String sql) {
    public static final String CORE = "core";

    static final Comparator<Migration> ORDER = Comparator
            .comparing((Migration m) -> !m.module().equals(CORE))
            .thenComparing(Migration::module)
            .thenComparingInt(Migration::version);

    public Migration {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(sql, "sql");
        if (version < 1) {
            throw new IllegalArgumentException("migration version must be >= 1: " + module + " " + version);
        }
    }
}
