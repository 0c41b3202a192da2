package dev.egregora.writer.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * LangChain4j's HTTP seam implemented on the JDK's {@link HttpURLConnection} with what LangChain4j's own retry lacks: retries with
 * exponential backoff (equal jitter) on 429, 5xx, timeouts and I/O errors, honouring {@code Retry-After} (seconds or an
 * HTTP date, capped at {@link LlmOptions#maxBackoff()}), and a requests-per-minute limit shared by all threads.
 * Header values are never logged (they carry API keys). Thread-safe.
 *
 * <p>Why {@code HttpURLConnection} and not {@code java.net.http.HttpClient}: a call is synchronous on the writer's
 * thread either way, and side by side against a zero-latency loopback model ({@code HttpPathProbe}) the JDK
 * {@code HttpClient} cost 0.45-0.75 ms of CPU per call (0.3-0.4 ms of it on its selector threads) against
 * 0.25-0.36 ms here. The body is sent in fixed-length streaming mode, which also stops the connection from silently
 * re-sending a POST (a model call paid twice); connections are kept alive and reused ({@code http.maxConnections}
 * idle connections per server, raised to {@value #KEEP_ALIVE} unless the user set it).
 */
final class ResilientHttpClient implements HttpClient {
    private static final Logger LOG = LoggerFactory.getLogger(ResilientHttpClient.class);
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");
    static final int KEEP_ALIVE = 32;

    static {
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", String.valueOf(KEEP_ALIVE)); // default 5: more parallel windows
        }                                                                       // would reconnect for every call
    }

    private final LlmOptions options;
    private final RequestRateLimiter limiter;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    ResilientHttpClient(LlmOptions options) {
        this.options = options;
        this.limiter = new RequestRateLimiter(options.requestsPerMinute());
    }

    /** HTTP requests sent so far (attempts, not calls). */
    long requests() {
        return requests.get();
    }

    /** Attempts that were retries. */
    long retries() {
        return retries.get();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= options.maxAttempts(); attempt++) {
            Duration wait = null;
            try {
                limiter.acquire();
                requests.incrementAndGet();
                Response response = send(request);
                int status = response.status();
                if (status >= 200 && status < 300) {
                    return SuccessfulHttpResponse.builder().statusCode(status).headers(response.headers())
                            .body(response.body()).build();
                }
                // HttpURLConnection drops the body of a 401 sent in streaming mode: say what the status means
                last = new HttpException(status, response.body().isBlank() ? "HTTP status " + status
                        + (status == 401 ? " (unauthorized: check the API key)" : "") : brief(response.body()));
                if (status != 429 && status < 500) {
                    throw last; // 400, 401, 403, 404: retrying cannot help
                }
                wait = retryAfter(response.header("retry-after"));
                LOG.debug("model server answered {} (attempt {}/{})", status, attempt, options.maxAttempts());
            } catch (SocketTimeoutException e) {
                last = new ModelCallException("model server timed out after " + options.timeout().toMillis() + " ms", e);
                LOG.debug("model request timed out (attempt {}/{})", attempt, options.maxAttempts());
            } catch (IOException e) {
                last = new ModelCallException("cannot reach the model server at " + origin(request.url()) + ": "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
                LOG.debug("model request failed: {} (attempt {}/{})", e.toString(), attempt, options.maxAttempts());
            } catch (InterruptedException e) { // waiting for the rate limiter
                Thread.currentThread().interrupt();
                throw new ModelCallException("interrupted while calling the model", e);
            }
            if (Thread.currentThread().isInterrupted()) { // a blocking read is not interruptible: stop after it
                throw new ModelCallException("interrupted while calling the model", last);
            }
            if (attempt == options.maxAttempts()) {
                break;
            }
            retries.incrementAndGet();
            sleep(wait != null ? wait : backoff(attempt));
        }
        throw last;
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        throw new UnsupportedOperationException("streaming is not used by the Egregora writers");
    }

    Duration backoff(int attempt) {
        long base = options.baseBackoff().toMillis();
        long max = options.maxBackoff().toMillis();
        long full = Math.min(max, base << Math.min(attempt - 1, 20));
        long half = full / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : ThreadLocalRandom.current().nextLong(half + 1)));
    }

    /** {@code Retry-After} as a delay: delta-seconds or an HTTP date; null when absent or unparseable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.strip();
        Duration d;
        try {
            d = Duration.ofMillis(Math.round(Double.parseDouble(h) * 1000));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
                d = Duration.between(ZonedDateTime.now(at.getZone()), at);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
        if (d.isNegative()) {
            return Duration.ZERO;
        }
        return d.compareTo(options.maxBackoff()) > 0 ? options.maxBackoff() : d;
    }

    private static void sleep(Duration d) {
        try {
            TimeUnit.MILLISECONDS.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelCallException("interrupted while waiting to retry", e);
        }
    }

    /** A status, the headers by lower-case name, and the body (error bodies too). */
    private record Response(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** One HTTP exchange on a kept-alive connection; the whole response is read so the connection can be reused. */
    private Response send(HttpRequest request) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(request.url()).toURL().openConnection();
        int timeout = (int) Math.min(Integer.MAX_VALUE, options.timeout().toMillis());
        c.setConnectTimeout(timeout);
        c.setReadTimeout(timeout);
        c.setUseCaches(false);
        c.setInstanceFollowRedirects(false);
        c.setRequestMethod(request.method().name());
        for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
            if (!RESTRICTED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                h.getValue().forEach(v -> c.addRequestProperty(h.getKey(), v));
            }
        }
        if (request.body() != null) {
            byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
        }
        int status = c.getResponseCode();
        String text;
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<String>> headers = new HashMap<>();
        c.getHeaderFields().forEach((name, values) -> {
            if (name != null) { // the status line
                headers.put(name.toLowerCase(Locale.ROOT), values);
            }
        });
        return new Response(status, headers, text);
    }

    private static String origin(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
    }

    private static String brief(String body) {
        if (body == null) {
            return "";
        }
        String one = body.replaceAll("\\s+", " ").strip();
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }

    /** Hands LangChain4j this client; timeouts come from {@link LlmOptions}. */
    static final class Builder implements HttpClientBuilder {
        private final ResilientHttpClient client;

        Builder(ResilientHttpClient client) {
            this.client = client;
        }

        @Override
        public Duration connectTimeout() {
            return client.options.timeout();
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            return this;
        }

        @Override
        public Duration readTimeout() {
            return client.options.timeout();
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            return this;
        }

        @Override
        public HttpClient build() {
            return client;
        }
    }
}
