package dev.egregora.core.store;

import dev.egregora.core.EgregoraException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Core's migrations: the shared tables every module reads or writes (documented in docs/schema.md). */
public final class CoreSchema {
    private CoreSchema() {
    }

    public static List<Migration> migrations() {
        return List.of(new Migration(Migration.CORE, 1, "shared tables", resource("core-v1.sql")),
                new Migration(Migration.CORE, 2, "related posts and post ranks", resource("core-v2.sql")),
                new Migration(Migration.CORE, 3, "continues references", resource("core-v3.sql")),
                new Migration(Migration.CORE, 4, "messages.id_hash", resource("core-v4.sql")));
    }

    /** Reads a SQL resource that sits beside {@code anchor}'s package, for modules' own migrations. */
    public static String sqlResource(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new EgregoraException("missing schema resource " + name + " beside " + anchor.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EgregoraException("cannot read schema resource " + name + ": " + e.getMessage(), e);
        }
    }

    private static String resource(String name) {
        return sqlResource(CoreSchema.class, name);
    }
}
