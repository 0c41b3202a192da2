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
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * LangChain4j's HTTP seam implemented on the JDK client with what LangChain4j's own retry lacks: retries with
 * exponential backoff (equal jitter) on 429, 5xx, timeouts and I/O errors, honouring {@code Retry-After} (seconds or an
 * HTTP date, capped at {@link LlmOptions#maxBackoff()}), and a requests-per-minute limit shared by all threads.
 * Header values are never logged (they carry API keys). Thread-safe.
 */
final class ResilientHttpClient implements HttpClient {
    private static final Logger LOG = LoggerFactory.getLogger(ResilientHttpClient.class);
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final java.net.http.HttpClient http;
    private final LlmOptions options;
    private final RequestRateLimiter limiter;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    ResilientHttpClient(LlmOptions options) {
        this.options = options;
        this.limiter = new RequestRateLimiter(options.requestsPerMinute());
        this.http = java.net.http.HttpClient.newBuilder().connectTimeout(options.timeout())
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
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
        java.net.http.HttpRequest jdk = toJdk(request);
        RuntimeException last = null;
        for (int attempt = 1; attempt <= options.maxAttempts(); attempt++) {
            Duration wait = null;
            try {
                limiter.acquire();
                requests.incrementAndGet();
                HttpResponse<String> response = http.send(jdk, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return SuccessfulHttpResponse.builder().statusCode(status)
                            .headers(response.headers().map()).body(response.body()).build();
                }
                last = new HttpException(status, brief(response.body()));
                if (status != 429 && status < 500) {
                    throw last; // 400, 401, 403, 404: retrying cannot help
                }
                wait = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
                LOG.debug("model server answered {} (attempt {}/{})", status, attempt, options.maxAttempts());
            } catch (HttpTimeoutException e) {
                last = new ModelCallException("model server timed out after " + options.timeout().toMillis() + " ms", e);
                LOG.debug("model request timed out (attempt {}/{})", attempt, options.maxAttempts());
            } catch (IOException e) {
                last = new ModelCallException("cannot reach the model server at " + origin(request.url()) + ": "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
                LOG.debug("model request failed: {} (attempt {}/{})", e.toString(), attempt, options.maxAttempts());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModelCallException("interrupted while calling the model", e);
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

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(options.timeout());
        for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
            if (RESTRICTED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (String v : h.getValue()) {
                b.header(h.getKey(), v);
            }
        }
        String body = request.body();
        java.net.http.HttpRequest.BodyPublisher publisher = body == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body);
        return b.method(request.method().name(), publisher).build();
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
