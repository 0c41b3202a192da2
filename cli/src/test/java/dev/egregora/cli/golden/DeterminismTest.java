package dev.egregora.cli.golden;

import dev.egregora.cli.diff.SiteDiff;
import dev.egregora.cli.diff.SiteTree;
import dev.egregora.etl.sample.Layout;
import dev.egregora.etl.sample.SampleExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same export and settings give the same site, byte for byte, and the same content in the published tables,
 * whatever the thread count, the machine's default time zone and locale, and whether the site was built in one run
 * or was updated in place by an incremental run.
 */
class DeterminismTest {
    /** The tables whose content is part of the output (the run journal is not). */
    static final List<String> PUBLISHED_TABLES = List.of("authors", "media", "messages", "windows", "posts", "profiles");
    /** Everything in a site directory but its private state folder. */
    static final Predicate<String> SITE_FILES = path -> !path.startsWith(".egregora/");
    static final List<String> SETTINGS = List.of("--timezone", "America/Sao_Paulo", "--unit", "messages", "--size", "40");

    @TempDir
    Path dir;

    @Test
    void threadCountDefaultTimeZoneAndLocaleDoNotChangeTheOutput() throws Exception {
        Path export = dir.resolve("chat.zip");
        SiteBuilds.sample(export, SampleExport.Options.defaults().withMessages(400).withSeed(5)
                .withLayout(Layout.ANDROID_PT_BR).withMediaPerMille(25), true);
        Path one = dir.resolve("one");
        Path four = dir.resolve("four");
        SiteBuilds.writeUnder(TimeZone.getTimeZone("UTC"), Locale.ROOT, export, one, with(SETTINGS, "--threads", "1"));
        SiteBuilds.writeUnder(TimeZone.getTimeZone("Pacific/Kiritimati"), Locale.forLanguageTag("tr-TR"), export, four,
                with(SETTINGS, "--threads", "4"));

        assertSameOutput(one, four);
        // Arabic (Egypt) formats numbers with Arabic-Indic digits by default; Newfoundland is UTC-03:30.
        Path two = dir.resolve("two");
        SiteBuilds.writeUnder(TimeZone.getTimeZone("America/St_Johns"), Locale.forLanguageTag("ar-EG"), export, two,
                with(SETTINGS, "--threads", "2"));
        assertSameOutput(one, two);
    }

    @Test
    void anIncrementallyUpdatedSiteEqualsAFullRebuildOfTheSameDatabase() throws Exception {
        Path early = dir.resolve("early/chat.txt");
        Path late = dir.resolve("late/chat.txt");
        SampleExport.Options options = SampleExport.Options.defaults().withSeed(9).withLayout(Layout.IOS_DMY_24H);
        SiteBuilds.sample(early, options.withMessages(170), false);
        SiteBuilds.sample(late, options.withMessages(300), false);
        Path grown = dir.resolve("grown");
        SiteBuilds.write(early, grown, with(SETTINGS, "--threads", "2"));
        String second = SiteBuilds.write(late, grown, with(SETTINGS, "--threads", "2"));
        assertThat(second).contains("unchanged");
        Path fresh = dir.resolve("fresh");
        SiteBuilds.run("build", "--site", grown.toString(), "--output", fresh.toString(), "--full");

        SiteDiff diff = SiteDiff.compare(grown.resolve("public"), fresh);
        assertThat(diff.unchanged()).isGreaterThan(20);
        assertThat(diff.identical()).as("incremental site differs from a full rebuild:%n%s", GoldenSiteTest.report(diff))
                .isTrue();
    }

    @Test
    void newWindowSettingsOnAnExistingSiteEqualACleanBuild() throws Exception {
        Path export = dir.resolve("chat.txt");
        SiteBuilds.sample(export, SampleExport.Options.defaults().withMessages(250).withSeed(13)
                .withLayout(Layout.ANDROID_MDY_12H), false);
        Path changed = dir.resolve("changed");
        Path clean = dir.resolve("clean");
        SiteBuilds.write(export, changed, List.of("--timezone", "America/Sao_Paulo", "--unit", "messages", "--size", "25"));
        SiteBuilds.write(export, changed, SETTINGS);
        SiteBuilds.write(export, clean, SETTINGS);

        assertSameOutput(clean, changed);
    }

    static void assertSameOutput(Path a, Path b) throws Exception {
        SiteDiff diff = SiteDiff.compare(SiteTree.scan(a, SITE_FILES), SiteTree.scan(b, SITE_FILES));
        assertThat(diff.unchanged()).isGreaterThan(20);
        assertThat(diff.identical()).as("site files differ:%n%s", GoldenSiteTest.report(diff)).isTrue();
        Map<String, List<String>> rowsA = tables(a);
        Map<String, List<String>> rowsB = tables(b);
        assertThat(rowsA.get("posts")).isNotEmpty();
        for (String table : PUBLISHED_TABLES) {
            assertThat(rowsB.get(table)).as("rows of table %s", table).containsExactlyElementsOf(rowsA.get(table));
        }
    }

    /** Every row of the published tables as text, in a total order. */
    static Map<String, List<String>> tables(Path site) throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + site.resolve(".egregora/egregora.duckdb"));
             Statement st = c.createStatement()) {
            for (String table : PUBLISHED_TABLES) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY ALL")) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            row.append(i > 1 ? " | " : "").append(md.getColumnName(i)).append('=').append(rs.getString(i));
                        }
                        rows.add(row.toString());
                    }
                }
                out.put(table, rows);
            }
        }
        return out;
    }

    static List<String> with(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }
}
