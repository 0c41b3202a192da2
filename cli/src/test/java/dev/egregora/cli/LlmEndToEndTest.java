package dev.egregora.cli;

import com.sun.net.httpserver.HttpServer;
import dev.egregora.cli.EgregoraCommandTest.Result;
import dev.egregora.etl.sample.Layout;
import dev.egregora.etl.sample.SampleExport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.egregora.cli.EgregoraCommandTest.run;
import static dev.egregora.cli.WriteEndToEndTest.count;
import static dev.egregora.cli.WriteEndToEndTest.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code egregora write --writer openai} and {@code egregora top} with every real module against a real HTTP server on
 * loopback speaking the OpenAI chat-completions format: memory and profiles in the prompts, pseudonyms only, related
 * posts and ranks in the tables.
 */
class LlmEndToEndTest {
    @TempDir
    Path dir;
    HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(body);
            String content = body.contains("Which one would the group")
                    ? "{\\\"winner\\\": \\\"" + (body.indexOf("churrasco") > body.indexOf("## Post B") ? "B" : "A") + "\\\"}"
                    : "{\\\"title\\\": \\\"A day of the group\\\", \\\"slug\\\": \\\"group day\\\", "
                    + "\\\"summary\\\": \\\"What the group said.\\\", \\\"tags\\\": [\\\"group\\\"], "
                    + "\\\"body\\\": \\\"The group talked.\\\"}";
            byte[] out = ("{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":0,\"model\":\"m\",\"choices\":[{"
                    + "\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + content + "\"},"
                    + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,"
                    + "\"total_tokens\":15}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @Test
    void anLlmRunRemembersEarlierPostsAndAuthorsWithPseudonymsOnly() throws Exception {
        Path export = dir.resolve("WhatsApp Chat with Friends.txt");
        Files.writeString(export, String.join("\n",
                "14/03/2025, 09:01 - Maria Oliveira Santos: Bom dia! Alguém viu o jogo ontem?",
                "14/03/2025, 09:02 - João Pedro Almeida: Vi sim, me liga no +55 11 98765-4321",
                "14/03/2025, 09:05 - Maria Oliveira Santos: Que jogo incrível, o segundo tempo foi demais",
                "15/03/2025, 10:00 - João Pedro Almeida: Hoje tem churrasco na casa da Maria?",
                "15/03/2025, 10:05 - Maria Oliveira Santos: Tem sim, tragam carvão e gelo",
                "16/03/2025, 11:00 - João Pedro Almeida: O jogo de hoje vai ser difícil",
                "16/03/2025, 11:05 - Maria Oliveira Santos: Depois do jogo tem churrasco de novo", ""),
                StandardCharsets.UTF_8);
        Path site = dir.resolve("site");
        String[] write = {"write", export.toString(), "--output", site.toString(), "--timezone", "UTC",
                "--writer", "openai", "--model", "m", "--base-url", baseUrl(), "--no-build"};
        Result first = run(write);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(count(site, "SELECT count(*) FROM posts WHERE writer = 'openai:m'")).isEqualTo(3);
        // an LLM writer relates posts by the same vectors its memory uses
        assertThat(count(site, "SELECT count(*) FROM post_vectors")).isEqualTo(3);
        assertThat(strings(site, "SELECT DISTINCT method FROM related_posts")).containsExactly("embeddings");
        assertThat(count(site, "SELECT count(*) FROM post_ranks WHERE method = 'offline'")).isEqualTo(3);
        // tokens paid per window are in the run journal (the server reports 10 in, 5 out per call)
        assertThat(strings(site, "SELECT sum(tokens_in) || '/' || sum(tokens_out) FROM window_journal"))
                .containsExactly("30/15");
        // the second and third day's posts continue an earlier one (every post is related to every other here)
        assertThat(strings(site, "SELECT p.date > e.date FROM post_continues c JOIN posts p ON p.id = c.post_id"
                + " JOIN posts e ON e.id = c.continues_id")).containsExactly("true", "true");

        // a new prompt rewrites every window; now the earlier run's posts and profiles are remembered
        Files.createDirectories(site.resolve(".egregora/prompts"));
        Files.writeString(site.resolve(".egregora/prompts/writer.md"),
                "Write a post.\n{{memory}}{{profiles}}\n{{transcript}}\n");
        requests.clear();
        Result second = run(write);
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(requests).hasSize(3);
        String all = String.join("\n", requests);
        assertThat(all).contains("Earlier posts of this blog").contains("A day of the group")
                .contains("What the blog already knows about these people");
        List<String> pseudonyms = strings(site, "SELECT pseudonym FROM authors ORDER BY pseudonym");
        assertThat(all).contains(pseudonyms.get(0) + ": ");
        for (String secret : List.of("Maria Oliveira", "Oliveira Santos", "João Pedro", "Almeida", "98765")) {
            assertThat(all).as("a request mentions %s", secret).doesNotContain(secret);
        }

        // top: the stored offline ranking, then a model's Elo ranking that the next write keeps
        Result top = run("top", "--site", site.toString(), "-n", "2");
        assertThat(top.code()).as(top.err()).isZero();
        List<String> bySlug = strings(site, "SELECT p.slug FROM post_ranks r JOIN posts p ON p.id = r.post_id "
                + "ORDER BY r.rank");
        assertThat(top.out()).startsWith("top posts (offline)").contains(bySlug.get(0)).contains(bySlug.get(1))
                .doesNotContain(bySlug.get(2));

        requests.clear();
        Result judged = run("top", "--site", site.toString(), "--judge", "--writer", "openai", "--model", "m",
                "--base-url", baseUrl(), "--rounds", "3");
        assertThat(judged.code()).as(judged.err()).isZero();
        assertThat(judged.out()).startsWith("top posts (elo)");
        assertThat(requests).isNotEmpty().allMatch(r -> r.contains("Which one would the group"));
        assertThat(count(site, "SELECT count(*) FROM post_ranks WHERE method = 'elo'")).isEqualTo(3);
        Result again = run(write);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(count(site, "SELECT count(*) FROM post_ranks WHERE method = 'elo'")).isEqualTo(3);
    }

    @Test
    void topWithoutASiteOrWithoutAModelIsOneLine() throws Exception {
        Result none = run("top", "--site", dir.resolve("nothing").toString());
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err().strip()).contains("no site at").doesNotContain("\n");

        Path export = dir.resolve("chat.zip");
        SampleCommand.write(export, SampleExport.Options.defaults().withMessages(60).withLayout(Layout.IOS_MDY_12H), true);
        Path site = dir.resolve("site");
        assertThat(run("write", export.toString(), "--output", site.toString(), "--timezone", "UTC", "--no-build")
                .code()).isZero();
        Result judge = run("top", "--site", site.toString(), "--judge");
        assertThat(judge.code()).isEqualTo(1);
        assertThat(judge.err().strip()).contains("needs a model").doesNotContain("\n");
    }
}
