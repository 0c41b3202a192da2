package dev.egregora.writer.enrich;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Fetches a shared link's page (only when the user allows network access) and reads its title and description
 * (OpenGraph first, then {@code <title>} / meta description). Every hop, redirects included, passes the
 * {@link UrlGuard}; at most {@link #MAX_BYTES} are read; 5 redirects at most. Thread-safe.
 *
 * <p>Known gap: the JDK client resolves the host again after the guard (DNS rebinding window).
 */
public final class LinkFetcher {
    public static final int MAX_BYTES = 512 * 1024;
    private static final int MAX_REDIRECTS = 5;

    private final UrlGuard guard;
    private final HttpClient http;
    private final Duration timeout;

    public LinkFetcher(UrlGuard guard, Duration timeout) {
        this.guard = guard;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    /** The preview of {@code url}, or empty when it is refused, unreachable or not HTML. Never throws on bad links. */
    public Optional<LinkPreview> fetch(String url) {
        URI current;
        try {
            current = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try {
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                guard.check(current);
                HttpRequest request = HttpRequest.newBuilder(current).timeout(timeout)
                        .header("User-Agent", "egregora-link-preview").header("Accept", "text/html").GET().build();
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status >= 300 && status < 400) {
                    response.body().close();
                    Optional<String> location = response.headers().firstValue("Location");
                    if (location.isEmpty()) {
                        return Optional.empty();
                    }
                    current = current.resolve(location.get());
                    continue;
                }
                try (InputStream in = response.body()) {
                    String type = response.headers().firstValue("Content-Type").orElse("");
                    if (status != 200 || !type.toLowerCase(java.util.Locale.ROOT).contains("html")) {
                        return Optional.empty();
                    }
                    byte[] bytes = in.readNBytes(MAX_BYTES);
                    return Optional.of(parse(url, new String(bytes, StandardCharsets.UTF_8)));
                }
            }
            return Optional.empty();
        } catch (UrlGuard.RefusedUrlException | IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static LinkPreview parse(String url, String html) {
        Document doc = Jsoup.parse(html);
        String title = meta(doc, "meta[property=og:title]");
        if (title.isEmpty()) {
            title = doc.title().strip();
        }
        String description = meta(doc, "meta[property=og:description]");
        if (description.isEmpty()) {
            description = meta(doc, "meta[name=description]");
        }
        return new LinkPreview(url, cut(title, 200), cut(description, 500));
    }

    private static String meta(Document doc, String css) {
        Element e = doc.selectFirst(css);
        return e == null ? "" : e.attr("content").strip();
    }

    private static String cut(String s, int max) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > max ? one.substring(0, max) + "…" : one;
    }
}
