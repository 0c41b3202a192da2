package dev.egregora.benchmarks.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.openai.OpenAiChatModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One chat call per iteration against the zero-latency loopback model, four ways side by side (alternating rounds),
 * CPU time per call split by thread: LangChain4j's {@code OpenAiChatModel} over its JDK {@code HttpClient} transport
 * or over {@code HttpURLConnection}, and a plain request built and parsed with Jackson sent with the JDK
 * {@code HttpClient} or {@code HttpURLConnection}. Isolates what the HTTP stack and LangChain4j's mapping cost per
 * window (the writer's own work, prompt rendering, cache and validation, is not included).
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.egregora.benchmarks.llm.HttpPathProbe 3000 3}
 */
public final class HttpPathProbe {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpPathProbe() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        StringBuilder sb = new StringBuilder("You write one blog post about a group chat \u2014 reply with JSON.\n");
        for (int i = 0; i < 40; i++) {
            sb.append("[2025-03-14 09:").append(10 + i).append("] Amber Fox: Are we still doing the Lisbon trip in May? ")
                    .append("I looked at flights, around 120 euros return (").append(i).append(")\n");
        }
        String prompt = sb.toString();
        try (LoopbackModel server = new LoopbackModel(0, 2)) {
            String url = server.baseUrl();
            Map<String, Function<String, String>> modes = new LinkedHashMap<>();
            modes.put("lc4j+jdk", langChain4j(OpenAiChatModel.builder().baseUrl(url).apiKey("none").modelName("bench")
                    .maxRetries(0).timeout(Duration.ofSeconds(10)).build()));
            modes.put("lc4j+urlconn", langChain4j(OpenAiChatModel.builder().baseUrl(url).apiKey("none")
                    .modelName("bench").maxRetries(0).timeout(Duration.ofSeconds(10))
                    .httpClientBuilder(new UrlConnectionClient.Builder()).build()));
            java.net.http.HttpClient jdk = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
            modes.put("plain+jdk", p -> content(jdkPost(jdk, url + "/chat/completions", request(p))));
            modes.put("plain+urlconn", p -> content(UrlConnectionClient.post(url + "/chat/completions",
                    request(p), Map.of("Authorization", List.of("Bearer none"), "Content-Type",
                            List.of("application/json"))).body()));
            for (Function<String, String> mode : modes.values()) { // warm-up
                for (int i = 0; i < n; i++) {
                    mode.apply(prompt + i);
                }
            }
            for (int r = 0; r < rounds; r++) {
                for (Map.Entry<String, Function<String, String>> mode : modes.entrySet()) {
                    ThreadCpu.report(mode.getKey(), n, "call", () -> {
                        for (int i = 0; i < n; i++) {
                            if (mode.getValue().apply(prompt + i).isEmpty()) {
                                throw new IllegalStateException("empty answer");
                            }
                        }
                    });
                }
            }
        }
    }

    private static Function<String, String> langChain4j(ChatModel model) {
        return p -> model.chat(ChatRequest.builder().messages(List.of(UserMessage.from(p))).temperature(0.4)
                .responseFormat(ResponseFormat.JSON).build()).aiMessage().text();
    }

    private static String request(String prompt) {
        ObjectNode body = JSON.createObjectNode().put("model", "bench").put("temperature", 0.4);
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        body.putObject("response_format").put("type", "json_object");
        return body.toString();
    }

    private static String content(String response) {
        try {
            JsonNode root = JSON.readTree(response);
            return root.path("choices").path(0).path("message").path("content").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jdkPost(java.net.http.HttpClient client, String url, String body) {
        try {
            return client.send(java.net.http.HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer none").header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** LangChain4j's HTTP seam on {@code HttpURLConnection}: synchronous, on the calling thread, no retries. */
    static final class UrlConnectionClient implements HttpClient {
        @Override
        public SuccessfulHttpResponse execute(HttpRequest request) {
            return post(request.url(), request.body(), request.headers());
        }

        static SuccessfulHttpResponse post(String url, String body, Map<String, List<String>> headers) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
                c.setConnectTimeout(10_000);
                c.setReadTimeout(10_000);
                c.setRequestMethod("POST");
                c.setDoOutput(true);
                headers.forEach((k, vs) -> vs.forEach(v -> c.addRequestProperty(k, v)));
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                c.setFixedLengthStreamingMode(bytes.length);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(bytes);
                }
                int status = c.getResponseCode();
                String text;
                try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                    text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                Map<String, List<String>> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                c.getHeaderFields().forEach((k, v) -> {
                    if (k != null) {
                        responseHeaders.put(k, new ArrayList<>(v));
                    }
                });
                return SuccessfulHttpResponse.builder().statusCode(status).headers(responseHeaders).body(text).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
            throw new UnsupportedOperationException();
        }

        static final class Builder implements HttpClientBuilder {
            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(10);
            }

            @Override
            public HttpClientBuilder connectTimeout(Duration timeout) {
                return this;
            }

            @Override
            public Duration readTimeout() {
                return Duration.ofSeconds(10);
            }

            @Override
            public HttpClientBuilder readTimeout(Duration timeout) {
                return this;
            }

            @Override
            public HttpClient build() {
                return new UrlConnectionClient();
            }
        }
    }
}
