package dev.egregora.writer.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egregora.core.model.Ids;
import dev.egregora.core.model.Post;
import dev.egregora.writer.rank.EloRanking;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Asks a model which of two posts is the better read, for {@link EloRanking} ("top posts"), as the original's
 * {@code top} command. Answers {@code {"winner": "A" | "B" | "tie"}}; anything else counts as a tie. Verdicts are
 * cached by content, so re-ranking costs nothing. Thread-safe.
 */
public final class LlmJudge implements EloRanking.Judge {
    static final int EXCERPT = 1200;
    private static final Logger LOG = LoggerFactory.getLogger(LlmJudge.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final ChatModel model;
    private final ResponseCache cache;
    private final Map<String, Post> posts = new HashMap<>();

    LlmJudge(String name, ChatModel model, ResponseCache cache, List<Post> posts) {
        this.name = name;
        this.model = model;
        this.cache = cache;
        posts.forEach(p -> this.posts.put(p.id(), p));
    }

    @Override
    public double compare(String a, String b) {
        Post pa = require(a);
        Post pb = require(b);
        String prompt = "Two posts of a group's blog follow. Which one would the group most enjoy re-reading? "
                + "Judge liveliness, substance and how much it captures the group. Answer with ONLY the JSON object "
                + "{\"winner\": \"A\"} or {\"winner\": \"B\"} or {\"winner\": \"tie\"}.\n\n## Post A\n" + excerpt(pa)
                + "\n\n## Post B\n" + excerpt(pb) + "\n";
        String key = Ids.sha256Hex("judge/1;" + name + "\n" + prompt);
        String answer = cache.get(key).orElse(null);
        if (answer == null) {
            answer = model.chat(ChatRequest.builder().messages(UserMessage.from(prompt))
                    .responseFormat(ResponseFormat.JSON).temperature(0.0).build()).aiMessage().text();
            double verdict = verdict(answer);
            if (!Double.isNaN(verdict)) {
                cache.put(key, answer.strip());
            }
        }
        double verdict = verdict(answer);
        if (Double.isNaN(verdict)) {
            LOG.debug("judge answer not understood for {} vs {}: counted as a tie", a, b);
            return 0.5;
        }
        return verdict;
    }

    private Post require(String id) {
        Post p = posts.get(id);
        if (p == null) {
            throw new IllegalArgumentException("unknown post " + id);
        }
        return p;
    }

    static double verdict(String answer) {
        if (answer == null) {
            return Double.NaN;
        }
        int open = answer.indexOf('{');
        int close = answer.lastIndexOf('}');
        if (open < 0 || close <= open) {
            return Double.NaN;
        }
        try {
            JsonNode w = JSON.readTree(answer.substring(open, close + 1)).path("winner");
            return switch (w.asText("").strip().toLowerCase(Locale.ROOT)) {
                case "a" -> 1.0;
                case "b" -> 0.0;
                case "tie" -> 0.5;
                default -> Double.NaN;
            };
        } catch (java.io.IOException e) {
            return Double.NaN;
        }
    }

    private static String excerpt(Post p) {
        String body = p.bodyMarkdown().length() > EXCERPT ? p.bodyMarkdown().substring(0, EXCERPT) + "…"
                : p.bodyMarkdown();
        return "Title: " + p.title() + "\nSummary: " + p.summary() + "\n\n" + body;
    }
}
