package dev.egregora.writer.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 (random port) speaking the OpenAI chat-completions and Gemini generateContent wire
 * formats, with a scripted {@link Responder} per request. Records every request it receives.
 */
final class FakeModelServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Wire { OPENAI, GEMINI }

    record Received(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** What to answer: a status, extra headers, the assistant text (wrapped in the wire format when 200), a delay. */
    record Reply(int status, Map<String, String> headers, String text, long delayMillis) {
        static Reply ok(String text) {
            return new Reply(200, Map.of(), text, 0);
        }

        static Reply status(int status, Map<String, String> headers) {
            return new Reply(status, headers, "{\"error\":{\"message\":\"status " + status + "\"}}", 0);
        }

        Reply delayed(long millis) {
            return new Reply(status, headers, text, millis);
        }
    }

    @FunctionalInterface
    interface Responder {
        /** @param n 0-based number of this request on this server */
        Reply reply(Received request, int n);
    }

    static final String GOOD = """
            {"title": "Planning the Lisbon trip", "slug": "lisbon trip plans", "summary": "The group plans May in Lisbon.",
             "tags": ["Travel", "lisbon"], "body": "## Plans\\n\\nAmber Fox and Captain plan the trip."}""";

    static {
        // the JDK server writes headers and body separately: without TCP_NODELAY, Nagle plus delayed ACKs add ~40 ms
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    private final Wire wire;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile Responder responder;

    FakeModelServer(Wire wire, Responder responder) throws IOException {
        this.wire = wire;
        this.responder = responder;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    static FakeModelServer always(Wire wire, String text) throws IOException {
        return new FakeModelServer(wire, (r, n) -> Reply.ok(text));
    }

    void respond(Responder value) {
        this.responder = value;
    }

    String baseUrl() {
        String root = "http://127.0.0.1:" + server.getAddress().getPort();
        return wire == Wire.OPENAI ? root + "/v1" : root + "/v1beta";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received r = new Received(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                    Map.copyOf(ex.getRequestHeaders()), body);
            received.add(r);
            Reply reply = responder.reply(r, count.getAndIncrement());
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            String out = reply.status() == 200 ? wrap(reply.text()) : reply.text();
            byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(bytes);
            }
        } catch (IOException e) {
            // client went away (timeouts): nothing to answer
        }
    }

    private String wrap(String text) {
        ObjectNode root = JSON.createObjectNode();
        if (wire == Wire.OPENAI) {
            root.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 0).put("model", "fake");
            ObjectNode choice = root.putArray("choices").addObject();
            choice.put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", text);
            root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
        } else {
            ObjectNode cand = root.putArray("candidates").addObject();
            cand.putObject("content").put("role", "model").putArray("parts").addObject().put("text", text);
            cand.put("finishReason", "STOP");
            root.putObject("usageMetadata").put("promptTokenCount", 100).put("candidatesTokenCount", 20)
                    .put("totalTokenCount", 120);
            root.put("modelVersion", "fake");
        }
        return root.toString();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
