package dev.egregora.cli.faults;

import dev.egregora.cli.Main;
import dev.egregora.cli.faults.Cli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrency around one site, with real child processes: {@code serve} while a {@code write} changes the site, and
 * another program reading the DuckDB file while a {@code write} runs (or before it starts). The lock between two
 * {@code write} runs is {@code ProcessesTest}'s.
 */
class ConcurrencyTest {
    private static final Pattern HREF = Pattern.compile("href=\"([^\"#?:]+)\"");

    @TempDir
    Path dir;

    /**
     * A served site is crawled over and over while a second write re-windows it (every post replaced, old pages
     * deleted): each answer is a whole page or a 404, the server never drops a connection, and afterwards it serves
     * the new site byte for byte.
     */
    @Test
    void serveKeepsServingWholePagesWhileAWriteReplacesTheSite() throws Exception {
        Path site = dir.resolve("site");
        Result first = Cli.write(Cli.export(dir, 150), site);
        assertThat(first.code()).as(first.err()).isZero();

        Process server = java(Main.class.getName(), "serve", "--site", site.toString(), "--port", "0").start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String banner = out.readLine();
            while (banner != null && !banner.startsWith("Serving ")) {
                banner = out.readLine(); // serve builds first and prints the build summary
            }
            Matcher url = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/").matcher(String.valueOf(banner));
            assertThat(url.find()).as("serve banner: " + banner).isTrue();
            URI base = URI.create(url.group());
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

            Path export = Cli.export(dir, 600);
            Process write = java(Main.class.getName(), "write", export.toString(), "--output", site.toString(),
                    "--timezone", "UTC", "--threads", "1", "--unit", "messages", "--size", "25")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("write.log").toFile()).start();
            Crawl crawl = new Crawl();
            while (write.isAlive()) {
                crawl.pass(http, base);
            }
            assertThat(write.exitValue()).as(Files.readString(dir.resolve("write.log"))).isZero();
            crawl.pass(http, base);

            assertThat(crawl.problems).as("answers while the write ran").isEmpty();
            assertThat(crawl.pages).as("pages fetched during the write").isGreaterThan(20);
            assertThat(server.isAlive()).isTrue();
            Path publicDir = site.resolve("public");
            for (String page : List.of("index.html", "tags/index.html", "archive/index.html")) {
                assertThat(get(http, base.resolve(page)).body()).as(page)
                        .isEqualTo(Files.readAllBytes(publicDir.resolve(page)));
            }
            try (Stream<Path> files = Files.walk(publicDir)) {
                assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")))
                        .as("temp files left in the served site").isEmpty();
            }
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    /**
     * Another program opening the database during a write is refused by DuckDB's own file lock (its message names
     * the writing process); the write is not disturbed and its site equals a clean run's.
     */
    @Test
    void aReaderOfTheDatabaseDuringAWriteIsRefusedAndTheWriteCompletes() throws Exception {
        Path export = Cli.export(dir, 600);
        Path clean = dir.resolve("clean");
        assertThat(Cli.write(export, clean).code()).isZero();

        Path site = dir.resolve("site");
        Path db = site.resolve(".egregora/egregora.duckdb");
        Process write = java(Main.class.getName(), "write", export.toString(), "--output", site.toString(),
                "--timezone", "UTC", "--threads", "1").redirectErrorStream(true)
                .redirectOutput(dir.resolve("write.log").toFile()).start();
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        List<String> refusals = new ArrayList<>();
        int opened = 0;
        while (write.isAlive()) {
            if (Files.exists(db)) {
                try (var c = DriverManager.getConnection("jdbc:duckdb:" + db, readOnly)) {
                    opened++; // between the file's creation and DuckDB's lock, or after the writer closed it
                } catch (SQLException e) {
                    refusals.add(e.getMessage());
                }
            }
            Thread.sleep(50);
        }
        String log = Files.readString(dir.resolve("write.log"));
        assertThat(write.exitValue()).as(log).isZero();
        assertThat(log).doesNotContain("\tat ");
        assertThat(refusals).as("opened %d times", opened).isNotEmpty()
                .allSatisfy(m -> assertThat(m).contains("Could not set lock on file").contains("PID " + write.pid()));
        assertThat(Cli.hashes(site.resolve("public"))).isEqualTo(Cli.hashes(clean.resolve("public")));
    }

    /**
     * A write started while another program has the database open (read-only, as a notebook would) stops at once
     * with one line naming that program, not the site lock's advice to delete the lock file; once the reader is
     * closed the same command completes.
     */
    @Test
    void aWriteWhileAnotherProgramReadsTheDatabaseGetsOneLineNamingIt() throws Exception {
        Path export = Cli.export(dir, 100);
        Path site = dir.resolve("site");
        assertThat(Cli.write(export, site).code()).isZero();
        Path db = site.resolve(".egregora/egregora.duckdb");

        Process reader = java(DatabaseReader.class.getName(), db.toString()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(reader.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).startsWith("reading ");
            Result r = Cli.write(export, site);
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err().strip()).doesNotContain("\n")
                    .startsWith("egregora: the site database " + db.toAbsolutePath() + " is open in another program")
                    .contains("PID " + reader.pid())
                    .doesNotContain("remove");
        } finally {
            reader.getOutputStream().close();
            assertThat(reader.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        Result again = Cli.write(export, site);
        assertThat(again.code()).as(again.err()).isZero();
    }

    /** Fetches every page reachable from the home page once; records anything that is not a whole page or a 404. */
    private static final class Crawl {
        final List<String> problems = new ArrayList<>();
        int pages;

        void pass(HttpClient http, URI base) throws InterruptedException {
            Set<URI> seen = new LinkedHashSet<>();
            Deque<URI> todo = new ArrayDeque<>(List.of(base));
            while (!todo.isEmpty() && seen.size() < 400) {
                URI u = todo.pop();
                if (!seen.add(u)) {
                    continue;
                }
                HttpResponse<byte[]> r;
                try {
                    r = get(http, u);
                } catch (IOException e) {
                    problems.add(u + ": " + e);
                    continue;
                }
                pages++;
                if (r.statusCode() == 404) {
                    continue; // linked from a page fetched before the write deleted it
                }
                String body = new String(r.body(), StandardCharsets.UTF_8);
                if (r.statusCode() != 200 || !body.stripTrailing().endsWith("</html>")) {
                    problems.add(u + ": " + r.statusCode() + ", " + r.body().length + " bytes, ends with "
                            + body.substring(Math.max(0, body.length() - 40)));
                    continue;
                }
                Matcher m = HREF.matcher(body);
                while (m.find()) {
                    String link = m.group(1);
                    if (link.endsWith(".html") || link.endsWith("/")) {
                        todo.add(u.resolve(link));
                    }
                }
            }
        }
    }

    private static HttpResponse<byte[]> get(HttpClient http, URI u) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(u).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static ProcessBuilder java(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
    }
}
