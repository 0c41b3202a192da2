package dev.egregora.writer.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egregora.core.EgregoraException;
import dev.egregora.core.model.MediaItem;
import dev.egregora.core.model.Message;
import dev.egregora.core.model.Post;
import dev.egregora.core.model.Window;
import dev.egregora.core.model.WindowContent;
import dev.egregora.core.model.Ids;
import dev.egregora.core.port.PostWriter;
import dev.egregora.core.store.Workspace;
import dev.egregora.writer.memory.WriterMemory;
import dev.egregora.writer.text.Language;
import dev.egregora.writer.text.Slug;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link PostWriter} backed by a LangChain4j {@link ChatModel} (OpenAI-compatible or Gemini; built by
 * {@link LlmWriters}). Per window: render the {@link WriterPrompt}, look the answer up in the {@link ResponseCache}
 * (key: SHA-256 of fingerprint, window signature and prompt), else call the model asking for JSON, validate it with {@link DraftParser},
 * ask once for a repair when invalid, then fail that window with a one-line {@link EgregoraException}. Valid answers
 * are cached before the post is returned, so a run that dies later never pays for them again.
 *
 * <p>Thread-safe: {@link #prepare} publishes an immutable language; {@link #write} touches only thread-safe state.
 */
public final class LlmWriter implements PostWriter {
    public static final int VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(LlmWriter.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final ChatModel model;
    private final WriterPrompt prompt;
    private final ResponseCache cache;
    private final String fingerprint;
    private final double temperature;
    private final WriterMemory memory;
    private final Enrichment enrichment;
    private final DraftParser parser = new DraftParser();
    private final Map<String, TokenCount> usage = new ConcurrentHashMap<>();
    private volatile Language language = Language.values()[0];
    private volatile String languageName = language.locale().getDisplayLanguage(Locale.ENGLISH) + " ("
            + language.code() + ")";

    LlmWriter(String name, ChatModel model, WriterPrompt prompt, ResponseCache cache, double temperature,
              WriterMemory memory, Enrichment enrichment) {
        this.name = Objects.requireNonNull(name, "name");
        this.model = Objects.requireNonNull(model, "model");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.temperature = temperature;
        this.memory = Objects.requireNonNull(memory, "memory");
        this.enrichment = Objects.requireNonNull(enrichment, "enrichment");
        this.fingerprint = "llm/" + VERSION + ";" + name + ";prompt=" + prompt.hash().substring(0, 16)
                + ";t=" + temperature;
    }

    /**
     * The same writer, also telling the model about related earlier posts and the window's authors (e.g.
     * {@link dev.egregora.writer.memory.ContextMemory}). What it recalls becomes part of the prompt, hence of the cache
     * key.
     */
    public LlmWriter withMemory(WriterMemory memory) {
        return new LlmWriter(name, model, prompt, cache, temperature, memory, enrichment);
    }

    @Override
    public void open(Workspace workspace) {
        memory.open(workspace);
    }

    @Override
    public void committed(List<Post> posts) {
        memory.committed(posts);
    }

    @Override
    public void prepare(List<Message> chat) {
        List<String> words = new ArrayList<>();
        for (Message m : chat) {
            for (String w : m.text().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
        }
        Language detected = Language.detect(words);
        language = detected;
        languageName = detected.locale().getDisplayLanguage(Locale.ENGLISH) + " (" + detected.code() + ")";
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    /** Tokens of a window written by this instance, for the run journal ({@code window_journal.tokens_in/out}). */
    public Optional<TokenCount> usage(String windowId) {
        return Optional.ofNullable(usage.get(windowId));
    }

    /** Tokens paid for the window's last write (0 when it came from the cache), for the run journal. */
    @Override
    public long[] tokens(String windowId) {
        TokenCount t = usage.get(windowId);
        return t == null || t.cached() ? new long[] {0, 0} : new long[] {t.in(), t.out()};
    }

    /** The "kind:model" name stored in {@code posts.writer}. */
    public String name() {
        return name;
    }

    @Override
    public Post write(WindowContent content) {
        Window window = content.window();
        Language lang = language;
        Enrichment.Notes notes = enrichment.notes(content);
        String text = prompt.render(content, languageName, memory.recall(content), notes);
        MessageDigest sha = Ids.sha256(); // the parts one after another: no prompt-sized concatenation
        sha.update((fingerprint + "\n" + window.signature() + "\n").getBytes(StandardCharsets.UTF_8));
        String key = HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        Optional<String> hit = cache.get(key);
        DraftPost draft;
        if (hit.isPresent()) {
            draft = parser.parse(hit.get()).draft();
            if (draft != null) {
                usage.put(window.id(), new TokenCount(0, 0, true));
                return post(content, draft, lang, notes);
            }
        }
        long in = 0;
        long out = 0;
        List<ChatMessage> conversation = new ArrayList<>(List.of(UserMessage.from(text)));
        DraftParser.Result result = null;
        for (int round = 0; round < 2; round++) {
            ChatResponse response = call(window, conversation);
            TokenUsage tu = response.tokenUsage();
            if (tu != null) {
                in += tu.inputTokenCount() == null ? 0 : tu.inputTokenCount();
                out += tu.outputTokenCount() == null ? 0 : tu.outputTokenCount();
            }
            String answer = response.aiMessage() == null ? null : response.aiMessage().text();
            result = parser.parse(answer);
            if (result.ok()) {
                break;
            }
            LOG.debug("window {}: invalid model output ({}), round {}", window.id(), result.problems(), round);
            conversation.add(AiMessage.from(answer == null || answer.isEmpty() ? "(empty)" : answer));
            conversation.add(UserMessage.from("Your answer was not valid: " + String.join("; ", result.problems())
                    + ". Reply again with ONLY the corrected JSON object with the fields title, slug, summary, tags "
                    + "and body: no code fences, no other text."));
        }
        usage.put(window.id(), new TokenCount(in, out, false));
        if (!result.ok()) {
            throw new EgregoraException("window " + window.id() + ": the model's answer is invalid after one repair: "
                    + String.join("; ", result.problems()));
        }
        draft = result.draft();
        cache.put(key, DraftParser.toJson(draft, in, out));
        return post(content, draft, lang, notes);
    }

    private ChatResponse call(Window window, List<ChatMessage> conversation) {
        try {
            return model.chat(ChatRequest.builder().messages(conversation).temperature(temperature)
                    .responseFormat(ResponseFormat.JSON).build());
        } catch (RuntimeException e) {
            throw new EgregoraException("window " + window.id() + ": model call failed (" + name + "): "
                    + oneLine(e), e);
        }
    }

    private static String oneLine(Throwable e) {
        Throwable t = e;
        String msg = null;
        while (t != null && msg == null) {
            msg = t.getMessage();
            t = t.getCause();
        }
        if (msg == null) {
            return e.getClass().getSimpleName();
        }
        String one = msg.replaceAll("\\s+", " ").strip();
        try {
            JsonNode error = JSON.readTree(one).path("error");
            if (error.isObject() && error.hasNonNull("message")) {
                one = error.get("message").asText();
            }
        } catch (IOException | RuntimeException ignored) {
            // not JSON: keep the text
        }
        return one.length() > 240 ? one.substring(0, 240) + "…" : one;
    }

    private Post post(WindowContent content, DraftPost draft, Language lang, Enrichment.Notes notes) {
        Window window = content.window();
        Set<String> authorIds = new LinkedHashSet<>();
        Set<String> mediaIds = new LinkedHashSet<>();
        StringBuilder gallery = new StringBuilder();
        for (Message m : content.messages()) {
            if (m.authorId() != null && content.authors().containsKey(m.authorId())) {
                authorIds.add(m.authorId());
            }
            MediaItem item = m.mediaId() == null ? null : content.media().get(m.mediaId());
            if (item != null && mediaIds.add(item.id()) && "image".equals(item.kind())
                    && !draft.body().contains(item.relPath())) {
                String alt = notes.altTexts().getOrDefault(item.id(), item.kind()).replace("]", ")").replace("[", "(");
                gallery.append("![").append(alt).append("](").append(item.relPath()).append(")\n\n");
            }
        }
        String body = gallery.length() == 0 ? draft.body() : draft.body() + "\n" + gallery.toString().stripTrailing() + "\n";
        return new Post(window.id(), Slug.of(window.start(), draft.slug().replace('-', ' ')), window.signature(),
                draft.title(), draft.summary(), window.start(), window.end(), draft.tags(), List.copyOf(authorIds),
                List.copyOf(mediaIds), lang.code(), body, name);
    }
}
