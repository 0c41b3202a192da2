package dev.egregora.writer.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egregora.core.model.Ids;
import dev.egregora.core.model.MediaItem;
import dev.egregora.core.model.Message;
import dev.egregora.core.model.WindowContent;
import dev.egregora.writer.enrich.LinkFetcher;
import dev.egregora.writer.enrich.LinkPreview;
import dev.egregora.writer.text.ChatText;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Enrichment with a model: a one-sentence description of each shared link (only when the user allows network access:
 * the page is fetched through the SSRF-guarded {@link LinkFetcher} and the model describes its title and description)
 * and alt text for each shared image (the image is sent to the model). Both are cached under the LLM cache: a link by
 * its URL, an image by its content hash (the media id), so a re-run pays for neither and fetches nothing. A link or
 * image that cannot be described is left out; enrichment never fails a window. After the first image the model does
 * not describe (e.g. a model without vision), images are skipped for the rest of the run. Thread-safe.
 */
public final class Enrichment {
    /** What the prompt and the post get: link URL -> description, media id -> alt text. */
    public record Notes(Map<String, String> links, Map<String, String> altTexts) {
        public static final Notes NONE = new Notes(Map.of(), Map.of());

        public Notes {
            links = Map.copyOf(links);
            altTexts = Map.copyOf(altTexts);
        }
    }

    /**
     * @param links      describe shared links; requires {@code fetcher}
     * @param images     describe shared images
     * @param fetcher    the guarded page fetcher, or null when network access is not allowed
     */
    public record Settings(boolean links, boolean images, LinkFetcher fetcher) {
        public static final Settings NONE = new Settings(false, false, null);
    }

    static final long MAX_IMAGE_BYTES = 5L * 1024 * 1024;
    static final int MAX_LINKS = 8;
    static final int MAX_TEXT = 300;
    private static final Logger LOG = LoggerFactory.getLogger(Enrichment.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final ChatModel model;
    private final ResponseCache cache;
    private final Path site;
    private final Settings settings;
    private final java.util.concurrent.atomic.AtomicBoolean imagesOff = new java.util.concurrent.atomic.AtomicBoolean();

    Enrichment(String name, ChatModel model, ResponseCache cache, Path site, Settings settings) {
        this.name = name;
        this.model = model;
        this.cache = cache;
        this.site = site;
        this.settings = settings;
    }

    boolean enabled() {
        return settings.images() || (settings.links() && settings.fetcher() != null);
    }

    /** Descriptions of the window's links and alt texts of its images (empty maps when disabled). */
    Notes notes(WindowContent content) {
        if (!enabled()) {
            return Notes.NONE;
        }
        Map<String, String> links = new LinkedHashMap<>();
        Map<String, String> alts = new LinkedHashMap<>();
        for (Message m : content.messages()) {
            if (settings.links() && settings.fetcher() != null && links.size() < MAX_LINKS) {
                for (String url : ChatText.urls(m.text())) {
                    if (!links.containsKey(url) && links.size() < MAX_LINKS) {
                        link(url).ifPresent(d -> links.put(url, d));
                    }
                }
            }
            MediaItem item = m.mediaId() == null ? null : content.media().get(m.mediaId());
            if (settings.images() && !imagesOff.get() && item != null && "image".equals(item.kind()) && !alts.containsKey(item.id())) {
                altText(item).ifPresent(a -> alts.put(item.id(), a));
            }
        }
        return new Notes(links, alts);
    }

    private Optional<String> link(String url) {
        String key = Ids.sha256Hex("link/1;" + name + "\n" + url);
        Optional<String> hit = cache.get(key);
        if (hit.isPresent()) {
            return field(hit.get(), "description");
        }
        Optional<LinkPreview> preview = settings.fetcher().fetch(url.startsWith("www.") ? "https://" + url : url);
        if (preview.isEmpty() || (preview.get().title().isBlank() && preview.get().description().isBlank())) {
            return Optional.empty();
        }
        String prompt = "A link was shared in a group chat. From its page's title and description below, say in one "
                + "neutral sentence (at most 30 words) what it is about. Answer with ONLY the JSON object "
                + "{\"description\": \"...\"}.\n\nURL: " + url + "\nTitle: " + cut(preview.get().title())
                + "\nDescription: " + cut(preview.get().description()) + "\n";
        return ask(key, UserMessage.from(prompt), "description", url);
    }

    private Optional<String> altText(MediaItem item) {
        String key = Ids.sha256Hex("alt/1;" + name + "\n" + item.id());
        Optional<String> hit = cache.get(key);
        if (hit.isPresent()) {
            return field(hit.get(), "alt");
        }
        Path file = site.resolve(item.relPath()).normalize();
        byte[] bytes;
        try {
            if (!file.startsWith(site.normalize()) || Files.size(file) > MAX_IMAGE_BYTES) {
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            LOG.debug("image {} not readable: {}", item.relPath(), e.getMessage());
            return Optional.empty();
        }
        UserMessage message = UserMessage.from(TextContent.from("Write the alt text of this image for a blog, at most "
                        + "20 words: what it shows, plainly. Never name or identify people. Answer with ONLY the JSON "
                        + "object {\"alt\": \"...\"}."),
                ImageContent.from(Base64.getEncoder().encodeToString(bytes), item.mime()));
        Optional<String> alt = ask(key, message, "alt", item.relPath());
        if (alt.isEmpty() && imagesOff.compareAndSet(false, true)) {
            LOG.warn("the model gave no alt text for {}; image descriptions are off for the rest of this run "
                    + "(models without vision cannot describe images)", item.relPath());
        }
        return alt;
    }

    private Optional<String> ask(String key, UserMessage message, String field, String what) {
        String answer;
        try {
            answer = model.chat(ChatRequest.builder().messages(message).temperature(0.0)
                    .responseFormat(ResponseFormat.JSON).build()).aiMessage().text();
        } catch (RuntimeException e) {
            LOG.warn("enrichment of {} failed: {}", what, e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse(""));
            return Optional.empty();
        }
        Optional<String> value = field(answer, field);
        value.ifPresent(v -> cache.put(key, "{\"" + field + "\": " + quote(v) + "}"));
        return value;
    }

    /** The string {@code field} of the JSON object in {@code answer}, cleaned to one line, if there is one. */
    static Optional<String> field(String answer, String field) {
        if (answer == null) {
            return Optional.empty();
        }
        int open = answer.indexOf('{');
        int close = answer.lastIndexOf('}');
        if (open < 0 || close <= open) {
            return Optional.empty();
        }
        try {
            JsonNode v = JSON.readTree(answer.substring(open, close + 1)).path(field);
            String text = v.isTextual() ? v.asText().replaceAll("\\s+", " ").strip() : "";
            return text.isEmpty() ? Optional.empty() : Optional.of(cut(text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String cut(String s) {
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "…" : s;
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
