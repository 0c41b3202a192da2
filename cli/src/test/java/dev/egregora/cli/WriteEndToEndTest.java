package dev.egregora.cli;

import dev.egregora.cli.EgregoraCommandTest.Result;
import dev.egregora.etl.sample.Layout;
import dev.egregora.etl.sample.SampleExport;
import dev.egregora.site.html.Slugs;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.egregora.cli.EgregoraCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code egregora write} with every real module, on generated and hand-written exports. */
class WriteEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void writesASiteAndARerunDoesNoWork() throws Exception {
        Path export = dir.resolve("chat.zip");
        SampleCommand.write(export, SampleExport.Options.defaults().withMessages(800).withLayout(Layout.IOS_MDY_12H), true);
        Path site = dir.resolve("site");

        Result first = run("write", export.toString(), "--output", site.toString(), "--timezone", "UTC");
        assertThat(first.code()).as(first.err()).isZero();
        long posts = count(site, "SELECT count(*) FROM posts");
        assertThat(posts).isPositive();
        assertThat(first.out()).contains("Posts: " + posts + " windows, " + posts + " written");
        assertThat(site.resolve("public/index.html")).isRegularFile();
        // the offline writer's run relates posts by shared terms and ranks every post
        assertThat(count(site, "SELECT count(*) FROM post_ranks WHERE method = 'offline'")).isEqualTo(posts);
        assertThat(count(site, "SELECT count(*) FROM related_posts WHERE method = 'tags'")).isPositive();
        assertThat(count(site, "SELECT count(*) FROM post_vectors")).isZero();
        Map<String, String> built = SiteTrees.hashes(site.resolve("public"));

        Result second = run("write", export.toString(), "--output", site.toString(), "--timezone", "UTC");
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).contains("0 new").contains("0 written, " + posts + " already done");
        assertThat(SiteTrees.hashes(site.resolve("public"))).isEqualTo(built);
        assertThat(count(site, "SELECT count(*) FROM runs WHERE status = 'ok'")).isEqualTo(2);
    }

    @Test
    void postsContinueTheirBestRelatedEarlierPostAndAGrownExportMovesNoReference() throws Exception {
        SampleExport.Options options = SampleExport.Options.defaults().withSeed(9).withLayout(Layout.IOS_DMY_24H);
        Path early = dir.resolve("early/chat.txt");
        Path late = dir.resolve("late/chat.txt");
        SampleCommand.write(early, options.withMessages(700), false);
        SampleCommand.write(late, options.withMessages(1000), false);
        Path site = dir.resolve("site");
        List<String> settings = List.of("--output", site.toString(), "--timezone", "UTC", "--unit", "messages",
                "--size", "40");

        Result first = run(with(early, settings));
        assertThat(first.code()).as(first.err()).isZero();
        Map<String, String> before = continues(site);
        // expected, from the raw tables: each post's first related post (by rank) dated before it
        assertThat(before).isNotEmpty().isEqualTo(firstEarlierRelated(site));
        for (Map.Entry<String, String> c : before.entrySet()) {
            String title = strings(site, "SELECT title FROM posts WHERE id = '" + c.getValue() + "'").get(0);
            String slug = strings(site, "SELECT slug FROM posts WHERE id = '" + c.getValue() + "'").get(0);
            String page = strings(site, "SELECT slug FROM posts WHERE id = '" + c.getKey() + "'").get(0);
            Element line = Jsoup.parse(site.resolve("public/posts/"
                    + Slugs.of(page) + ".html").toFile(), "UTF-8").selectFirst("p.continues");
            assertThat(line).isNotNull();
            assertThat(line.text()).isEqualTo("Continues: " + title);
            assertThat(line.selectFirst("a").attr("href"))
                    .isEqualTo("../posts/" + Slugs.of(slug) + ".html");
        }
        Map<String, String> signatures = signatures(site);

        Result second = run(with(late, settings));
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).contains("unchanged");
        Map<String, String> after = continues(site);
        Map<String, String> grownSignatures = signatures(site);
        int kept = 0;
        for (Map.Entry<String, String> c : before.entrySet()) {
            boolean unchanged = signatures.get(c.getKey()).equals(grownSignatures.get(c.getKey()));
            if (unchanged && grownSignatures.containsKey(c.getValue())) {
                assertThat(after.get(c.getKey())).as("reference of unchanged post %s", c.getKey())
                        .isEqualTo(c.getValue());
                kept++;
            }
        }
        assertThat(kept).isPositive();
        assertThat(after.size()).isGreaterThan(before.size());
    }

    private static String[] with(Path export, List<String> settings) {
        List<String> args = new ArrayList<>(List.of("write", export.toString()));
        args.addAll(settings);
        return args.toArray(String[]::new);
    }

    private static Map<String, String> continues(Path site) throws Exception {
        return pairs(site, "SELECT post_id, continues_id FROM post_continues");
    }

    private static Map<String, String> signatures(Path site) throws Exception {
        return pairs(site, "SELECT id, signature FROM posts");
    }

    private static Map<String, String> firstEarlierRelated(Path site) throws Exception {
        Map<String, String> dates = pairs(site, "SELECT id, epoch_us(date) FROM posts");
        Map<String, String> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + site.resolve(".egregora/egregora.duckdb"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT post_id, related_id FROM related_posts ORDER BY post_id, rank")) {
            while (rs.next()) {
                String post = rs.getString(1);
                String related = rs.getString(2);
                if (!out.containsKey(post) && dates.containsKey(related)
                        && Long.parseLong(dates.get(related)) < Long.parseLong(dates.get(post))) {
                    out.put(post, related);
                }
            }
        }
        return out;
    }

    private static Map<String, String> pairs(Path site, String sql) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + site.resolve(".egregora/egregora.duckdb"));
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    @Test
    void realNamesPhoneNumbersAndOptedOutAuthorsNeverReachTheSite() throws Exception {
        Path export = dir.resolve("WhatsApp Chat with Friends.txt");
        Files.writeString(export, String.join("\n",
                "14/03/2025, 09:00 - Messages and calls are end-to-end encrypted. No one outside of this chat can read them.",
                "14/03/2025, 09:01 - Maria Oliveira Santos: Bom dia! Alguém viu o jogo ontem?",
                "14/03/2025, 09:02 - João Pedro Almeida: Vi sim, me liga no +55 11 98765-4321 ou joao.almeida@example.com",
                "14/03/2025, 09:03 - Carla Secreta: /egregora opt-out",
                "14/03/2025, 09:04 - Carla Secreta: minha mensagem confidencial sobre o aniversário surpresa",
                "14/03/2025, 09:05 - Maria Oliveira Santos: Que jogo incrível, o segundo tempo foi demais",
                "15/03/2025, 10:00 - João Pedro Almeida: Hoje tem churrasco na casa da Maria?",
                "15/03/2025, 10:05 - Maria Oliveira Santos: Tem sim, tragam carvão e gelo", ""),
                StandardCharsets.UTF_8);
        Path site = dir.resolve("site");
        Result r = run("write", export.toString(), "--output", site.toString(), "--timezone", "America/Sao_Paulo");
        assertThat(r.code()).as(r.err()).isZero();

        String published = SiteTrees.allText(site.resolve("public"));
        assertThat(published).contains("churrasco");
        for (String secret : List.of("Maria Oliveira", "Oliveira Santos", "João Pedro", "Almeida", "Carla Secreta",
                "98765-4321", "98765", "joao.almeida@example.com", "confidencial", "aniversário surpresa")) {
            assertThat(published).as("published site mentions %s", secret).doesNotContain(secret);
        }
        // author ids are UUIDv5 of real names in a public namespace: publishing one would confirm a guessed name
        for (String id : strings(site, "SELECT id FROM authors")) {
            assertThat(published).as("published site contains author id %s", id).doesNotContain(id);
        }
        assertThat(strings(site, "SELECT real_name FROM authors ORDER BY real_name"))
                .containsExactly("Carla Secreta", "João Pedro Almeida", "Maria Oliveira Santos");
        assertThat(count(site, "SELECT count(*) FROM profiles")).isEqualTo(2);
    }

    @Test
    void badInputIsOneLineAndLeavesTheSiteUntouched() throws Exception {
        Path notAZip = Files.write(dir.resolve("export.zip"), "this is not a zip".getBytes(StandardCharsets.UTF_8));
        Path site = dir.resolve("site");
        Result r = run("write", notAZip.toString(), "--output", site.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(lastLine(r.err())).startsWith("egregora: ").contains("export.zip").contains("not a ZIP");
        assertThat(site.resolve("public")).doesNotExist();

        Result missing = run("write", dir.resolve("nope.zip").toString(), "--output", site.toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("export not found");

        Result badUnit = run("write", notAZip.toString(), "--output", site.toString(), "--unit", "weeks");
        assertThat(badUnit.code()).isEqualTo(1);
        assertThat(badUnit.err()).contains("unknown window unit 'weeks'");
    }

    static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }

    static long count(Path site, String sql) throws Exception {
        return Long.parseLong(strings(site, sql).get(0));
    }

    static List<String> strings(Path site, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + site.resolve(".egregora/egregora.duckdb"));
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
