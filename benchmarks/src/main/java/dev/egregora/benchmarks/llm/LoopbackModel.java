package dev.egregora.benchmarks.llm;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** An OpenAI-compatible chat-completions server on 127.0.0.1 answering one valid post after a fixed latency. */
final class LoopbackModel implements AutoCloseable {
    private static final byte[] ANSWER = ("{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":0,\"model\":\"bench\","
            + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":"
            + "\"{\\\"title\\\":\\\"A day in the chat\\\",\\\"slug\\\":\\\"a day in the chat\\\",\\\"summary\\\":"
            + "\\\"What the group talked about.\\\",\\\"tags\\\":[\\\"chat\\\",\\\"friends\\\"],\\\"body\\\":"
            + "\\\"## The day\\\\n\\\\nAmber Fox and Blue Owl talked about the trip.\\\"}\"}}],"
            + "\"usage\":{\"prompt_tokens\":500,\"completion_tokens\":80,\"total_tokens\":580}}")
            .getBytes(StandardCharsets.UTF_8);

    static {
        // the JDK server writes headers and body separately: without TCP_NODELAY, Nagle plus delayed ACKs add ~40 ms
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService pool;

    LoopbackModel(long latencyMillis, int threads) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        pool = Executors.newFixedThreadPool(threads);
        server.createContext("/", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                if (latencyMillis > 0) {
                    try {
                        Thread.sleep(latencyMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, ANSWER.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(ANSWER);
                }
            }
        });
        server.setExecutor(pool);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
