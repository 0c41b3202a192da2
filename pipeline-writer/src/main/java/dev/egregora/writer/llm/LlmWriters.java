package dev.egregora.writer.llm;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.config.EgregoraConfig;
import dev.egregora.core.model.Post;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

import dev.egregora.writer.memory.WriterMemory;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the LLM writer the user configured ({@code [writer]} in the config, or {@code --writer/--model/--base-url}).
 * Every setting is checked here, not at the first call: a missing model, key or URL is one clear
 * {@link EgregoraException}. API keys are read from the environment and never logged or put into a fingerprint.
 */
public final class LlmWriters {
    public static final String OPENAI = "openai";
    public static final String GEMINI = "gemini";
    static final String OPENAI_URL = "https://api.openai.com/v1";

    private LlmWriters() {
    }

    /** {@link #create(EgregoraConfig.Writer, Map, Path, LlmOptions)} with {@link LlmOptions#DEFAULTS}. */
    public static LlmWriter create(EgregoraConfig.Writer settings, Map<String, String> environment, Path site) {
        return create(settings, environment, site, LlmOptions.DEFAULTS);
    }

    /**
     * @param settings    kind "openai" (any OpenAI-compatible server: {@code base_url}, {@code model}, key from the
     *                    variable named by {@code api_key_env}, default {@code OPENAI_API_KEY}, optional for non-OpenAI
     *                    URLs) or "gemini" ({@code model}; key from {@code api_key_env}, {@code GEMINI_API_KEY} or
     *                    {@code GOOGLE_API_KEY}; {@code base_url} optional)
     * @param environment usually {@code System.getenv()}
     * @param site        the site directory: prompt override and response cache live under {@code .egregora/}
     */
    public static LlmWriter create(EgregoraConfig.Writer settings, Map<String, String> environment, Path site,
                                   LlmOptions options) {
        return create(settings, environment, site, options, Enrichment.Settings.NONE);
    }

    /** As above, also describing shared links and images with the same model ({@link Enrichment}). */
    public static LlmWriter create(EgregoraConfig.Writer settings, Map<String, String> environment, Path site,
                                   LlmOptions options, Enrichment.Settings enrichment) {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(enrichment, "enrichment");
        ChatModel chat = chatModel(settings, environment, options);
        String kind = settings.kind().strip().toLowerCase(Locale.ROOT);
        String name = kind + ":" + settings.model().strip();
        ResponseCache cache = ResponseCache.under(site);
        return new LlmWriter(name, chat, WriterPrompt.forSite(site), cache, options.temperature(), WriterMemory.NONE,
                new Enrichment(name, chat, cache, site, enrichment));
    }

    /**
     * A pairwise judge of posts for {@link dev.egregora.writer.rank.EloRanking} ("top posts" with a model), built from
     * the same settings as the writer; verdicts are cached under {@code SITE/.egregora/cache/llm/} like posts.
     */
    public static LlmJudge judge(EgregoraConfig.Writer settings, Map<String, String> environment, Path site,
                                 List<Post> posts, LlmOptions options) {
        Objects.requireNonNull(site, "site");
        ChatModel chat = chatModel(settings, environment, options);
        String kind = settings.kind().strip().toLowerCase(Locale.ROOT);
        return new LlmJudge(kind + ":" + settings.model().strip(), chat,
                ResponseCache.under(site), posts);
    }

    private static ChatModel chatModel(EgregoraConfig.Writer settings, Map<String, String> environment,
                                       LlmOptions options) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(options, "options");
        String kind = settings.kind().strip().toLowerCase(Locale.ROOT);
        String model = settings.model().strip();
        if (!kind.equals(OPENAI) && !kind.equals(GEMINI)) {
            throw new EgregoraException("unknown writer \"" + settings.kind() + "\": use offline, openai or gemini");
        }
        if (model.isEmpty()) {
            throw new EgregoraException("the " + kind + " writer needs a model: pass --model or set [writer] model");
        }
        ResilientHttpClient http = new ResilientHttpClient(options);
        return kind.equals(OPENAI) ? openAi(settings, environment, model, options, http)
                : gemini(settings, environment, model, options, http);
    }

    private static ChatModel openAi(EgregoraConfig.Writer s, Map<String, String> env, String model, LlmOptions o,
                                    ResilientHttpClient http) {
        String url = s.baseUrl().isBlank() ? OPENAI_URL : checkUrl(s.baseUrl().strip());
        String keyVar = s.apiKeyEnv().isBlank() ? "OPENAI_API_KEY" : s.apiKeyEnv().strip();
        String key = env.get(keyVar);
        if (key == null || key.isBlank()) {
            if (url.startsWith(OPENAI_URL)) {
                throw new EgregoraException("the openai writer needs an API key in the environment variable " + keyVar
                        + " (or set --base-url to a local OpenAI-compatible server)");
            }
            key = "none"; // local servers (Ollama, llama.cpp, vLLM) ignore it
        }
        return OpenAiChatModel.builder().baseUrl(url).apiKey(key).modelName(model).timeout(o.timeout())
                .maxRetries(0).httpClientBuilder(new ResilientHttpClient.Builder(http)).build();
    }

    private static ChatModel gemini(EgregoraConfig.Writer s, Map<String, String> env, String model, LlmOptions o,
                                    ResilientHttpClient http) {
        List<String> vars = s.apiKeyEnv().isBlank() ? List.of("GEMINI_API_KEY", "GOOGLE_API_KEY")
                : List.of(s.apiKeyEnv().strip());
        String key = null;
        for (String v : vars) {
            String value = env.get(v);
            if (value != null && !value.isBlank()) {
                key = value;
                break;
            }
        }
        if (key == null) {
            throw new EgregoraException("the gemini writer needs an API key in the environment variable "
                    + String.join(" or ", vars));
        }
        GoogleAiGeminiChatModel.GoogleAiGeminiChatModelBuilder b = GoogleAiGeminiChatModel.builder().apiKey(key)
                .modelName(model).timeout(o.timeout()).maxRetries(0)
                .httpClientBuilder(new ResilientHttpClient.Builder(http));
        if (!s.baseUrl().isBlank()) {
            b.baseUrl(checkUrl(s.baseUrl().strip()));
        }
        return b.build();
    }

    private static String checkUrl(String url) {
        try {
            URI u = URI.create(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) {
                return url.replaceAll("/+$", "");
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw new EgregoraException("the writer's base URL is not an http(s) URL: " + url);
    }
}
