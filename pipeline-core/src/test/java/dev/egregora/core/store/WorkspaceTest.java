package dev.egregora.core.store;

import dev.egregora.core.EgregoraException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkspaceTest {

    @TempDir
    Path site;

    @Test
    void createsTheDatabaseUnderTheSiteAndAppliesCoreMigrationsOnce() throws Exception {
        try (Workspace ws = Workspace.open(site, CoreSchema.migrations())) {
            assertThat(tables(ws)).contains("authors", "media", "messages", "windows", "posts", "profiles", "runs",
                    "window_journal", "related_posts", "post_ranks");
        }
        assertThat(site.resolve(".egregora/egregora.duckdb")).isRegularFile();
        try (Workspace ws = Workspace.open(site, CoreSchema.migrations())) {
            assertThat(count(ws, "SELECT count(*) FROM schema_migrations")).isEqualTo(CoreSchema.migrations().size());
        }
    }

    @Test
    void appliesModuleMigrationsAfterCoreInVersionOrder() throws Exception {
        List<Migration> all = new ArrayList<>(List.of(
                new Migration("zeta", 2, "add column", "ALTER TABLE zeta_things ADD COLUMN name VARCHAR"),
                new Migration("zeta", 1, "create", "CREATE TABLE zeta_things (id INTEGER)")));
        all.addAll(CoreSchema.migrations());
        try (Workspace ws = Workspace.open(site, all)) {
            ws.execute("INSERT INTO zeta_things VALUES (1, 'a')");
            assertThat(count(ws, "SELECT count(*) FROM zeta_things")).isEqualTo(1);
        }
        // a later version added later is applied on the next open, the earlier ones are not re-run
        all.add(new Migration("zeta", 3, "index", "CREATE INDEX zeta_name ON zeta_things(name)"));
        try (Workspace ws = Workspace.open(site, all)) {
            assertThat(count(ws, "SELECT count(*) FROM zeta_things")).isEqualTo(1);
            assertThat(count(ws, "SELECT max(version) FROM schema_migrations WHERE module = 'zeta'")).isEqualTo(3);
        }
    }

    @Test
    void aFailedMigrationLeavesNoTraceAndSaysWhatFailed() throws Exception {
        List<Migration> broken = new ArrayList<>(CoreSchema.migrations());
        broken.add(new Migration("bad", 1, "half broken", "CREATE TABLE half (id INTEGER); SELECT * FROM nowhere"));
        assertThatThrownBy(() -> Workspace.open(site, broken))
                .isInstanceOf(EgregoraException.class)
                .hasMessageContaining("nowhere")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        try (Workspace ws = Workspace.open(site, CoreSchema.migrations())) {
            assertThat(tables(ws)).doesNotContain("half");
        }
    }

    @Test
    void transactionsRollBackOnFailure() throws Exception {
        try (Workspace ws = Workspace.open(site, CoreSchema.migrations())) {
            assertThatThrownBy(() -> ws.inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("INSERT INTO runs (id, command, started_at, status) VALUES ('r1', 'x', now(), 'ok')");
                }
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            assertThat(count(ws, "SELECT count(*) FROM runs")).isZero();
        }
    }

    @Test
    void rowsAppendedInAFailedTransactionAreRolledBack() throws Exception {
        try (Workspace ws = Workspace.open(site, CoreSchema.migrations())) {
            ws.execute("CREATE TABLE numbers (n BIGINT)");
            assertThatThrownBy(() -> ws.inTransaction(c -> {
                ws.append("numbers", a -> {
                    for (long i = 0; i < 100; i++) {
                        a.beginRow();
                        a.append(i);
                        a.endRow();
                    }
                    return null;
                });
                throw new IllegalStateException("fails after the append");
            })).hasMessage("fails after the append");
            assertThat(count(ws, "SELECT count(*) FROM numbers")).isZero();
        }
    }

    @Test
    void appendsRowsInBulk() throws Exception {
        try (Workspace ws = Workspace.open(site, CoreSchema.migrations())) {
            ws.execute("CREATE TABLE numbers (n BIGINT, label VARCHAR)");
            long rows = ws.append("numbers", a -> {
                for (long i = 0; i < 10_000; i++) {
                    a.beginRow();
                    a.append(i);
                    a.append("n" + i);
                    a.endRow();
                }
                return 10_000L;
            });
            assertThat(rows).isEqualTo(10_000);
            assertThat(count(ws, "SELECT sum(n) FROM numbers")).isEqualTo(9_999L * 10_000 / 2);
        }
    }

    @Test
    void aSecondWriterOnTheSameSiteGetsALockError() {
        try (Workspace first = Workspace.open(site, CoreSchema.migrations())) {
            assertThat(first.site()).isEqualTo(site.toAbsolutePath().normalize());
            assertThatThrownBy(() -> Workspace.open(site, CoreSchema.migrations()))
                    .isInstanceOf(WorkspaceLockedException.class)
                    .hasMessageStartingWith("site is locked by another run");
        }
        // released on close
        Workspace.open(site, CoreSchema.migrations()).close();
    }

    @Test
    void anUnwritableSiteIsAOneLineError() throws Exception {
        Path file = Files.writeString(site.resolve("not-a-dir"), "x");
        assertThatThrownBy(() -> Workspace.open(file, CoreSchema.migrations()))
                .isInstanceOf(EgregoraException.class)
                .hasMessageContaining("not-a-dir");
    }

    private static List<String> tables(Workspace ws) throws Exception {
        List<String> names = new ArrayList<>();
        try (Statement st = ws.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static long count(Workspace ws, String sql) throws Exception {
        try (Statement st = ws.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
