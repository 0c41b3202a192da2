package dev.egregora.writer.llm;

import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResilientHttpClientTest {
    private final ResilientHttpClient client = new ResilientHttpClient(new LlmOptions(Duration.ofSeconds(1), 5,
            Duration.ofMillis(100), Duration.ofSeconds(30), 0, 0));

    @Test
    void retryAfterReadsSecondsAndHttpDatesAndIsCapped() {
        assertThat(client.retryAfter("2")).isEqualTo(Duration.ofSeconds(2));
        assertThat(client.retryAfter(" 0.5 ")).isEqualTo(Duration.ofMillis(500));
        assertThat(client.retryAfter("3600")).isEqualTo(Duration.ofSeconds(30));
        assertThat(client.retryAfter("-4")).isEqualTo(Duration.ZERO);
        assertThat(client.retryAfter("soon")).isNull();
        assertThat(client.retryAfter(null)).isNull();
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(20));
        assertThat(client.retryAfter(date)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(20));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusSeconds(20));
        assertThat(client.retryAfter(past)).isEqualTo(Duration.ZERO);
    }

    @Test
    void backoffGrowsExponentiallyWithinItsJitterAndCap() {
        for (int attempt = 1; attempt <= 12; attempt++) {
            long full = Math.min(30_000, 100L << (attempt - 1));
            assertThat(client.backoff(attempt).toMillis()).isBetween(full / 2, full);
        }
    }

    @Test
    void aRequestTheServerDroppedIsSentOnlyAsOftenAsTheRetryPolicySays() throws Exception {
        // a server that reads each request and closes the connection without answering: the JDK's HttpURLConnection
        // would silently send a buffered POST a second time (paying for a model call twice) unless it streams
        AtomicInteger received = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
            Thread accept = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                                StandardCharsets.UTF_8));
                        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                            // headers
                        }
                        received.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            accept.setDaemon(true);
            accept.start();
            for (int attempts : new int[] {1, 2}) {
                received.set(0);
                ResilientHttpClient once = new ResilientHttpClient(new LlmOptions(Duration.ofSeconds(2), attempts,
                        Duration.ofMillis(1), Duration.ofMillis(2), 0, 0));
                HttpRequest post = HttpRequest.builder().method(HttpMethod.POST)
                        .url("http://127.0.0.1:" + server.getLocalPort() + "/v1/chat/completions")
                        .addHeader("Content-Type", "application/json").body("{\"model\":\"m\"}").build();
                assertThatThrownBy(() -> once.execute(post)).isInstanceOf(ModelCallException.class)
                        .hasMessageStartingWith("cannot reach the model server at http://127.0.0.1:");
                assertThat(received.get()).as("requests sent with %d attempt(s)", attempts).isEqualTo(attempts);
                assertThat(once.requests()).isEqualTo(attempts);
            }
        }
    }
}
