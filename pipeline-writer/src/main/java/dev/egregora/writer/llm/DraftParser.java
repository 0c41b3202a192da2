package dev.egregora.writer.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.egregora.writer.text.Slug;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses and validates a model's answer against the writer's output schema: a JSON object with a non-blank
 * {@code title} (≤ 200 chars), {@code slug} (letters/digits after ASCII folding, ≤ 80), {@code summary} (≤ 600),
 * {@code tags} (array of ≤ 12 strings of ≤ 40 chars) and a non-blank Markdown {@code body}. Code fences and prose around
 * the object are tolerated; anything else is a list of problems the repair prompt quotes back. Stateless, thread-safe.
 */
final class DraftParser {
    static final int MAX_TITLE = 200;
    static final int MAX_SLUG = 80;
    static final int MAX_SUMMARY = 600;
    static final int MAX_TAGS = 12;
    static final int MAX_TAG = 40;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Either a draft or the problems found. */
    record Result(DraftPost draft, List<String> problems) {
        boolean ok() {
            return draft != null;
        }
    }

    Result parse(String answer) {
        if (answer == null || answer.isBlank()) {
            return fail(List.of("the answer is empty"));
        }
        String text = answer.strip();
        int open = text.indexOf('{');
        int close = text.lastIndexOf('}');
        if (open < 0 || close <= open) {
            return fail(List.of("the answer holds no JSON object"));
        }
        JsonNode node;
        try {
            node = JSON.readTree(text.substring(open, close + 1));
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            return fail(List.of("the JSON does not parse: " + (msg == null ? "syntax error" : msg.lines().findFirst().orElse(msg))));
        }
        if (!(node instanceof ObjectNode obj)) {
            return fail(List.of("the answer is not a JSON object"));
        }
        List<String> problems = new ArrayList<>();
        String title = text(obj, "title", MAX_TITLE, problems);
        String slugText = text(obj, "slug", MAX_SLUG, problems);
        String summary = text(obj, "summary", MAX_SUMMARY, problems);
        String body = text(obj, "body", Integer.MAX_VALUE, problems);
        String slug = slugText == null ? null : Slug.ascii(slugText);
        if (slugText != null && slug.isEmpty()) {
            problems.add("\"slug\" has no letters or digits");
        }
        Set<String> tags = new LinkedHashSet<>();
        JsonNode t = obj.get("tags");
        if (t == null || !t.isArray()) {
            problems.add("\"tags\" must be an array of strings");
        } else if (t.size() > MAX_TAGS) {
            problems.add("\"tags\" has " + t.size() + " items; at most " + MAX_TAGS);
        } else {
            for (JsonNode tag : t) {
                if (!tag.isTextual() || tag.asText().isBlank() || tag.asText().strip().length() > MAX_TAG) {
                    problems.add("every tag must be a non-blank string of at most " + MAX_TAG + " characters");
                    break;
                }
                tags.add(tag.asText().strip().toLowerCase(Locale.ROOT));
            }
        }
        if (!problems.isEmpty()) {
            return fail(problems);
        }
        return new Result(new DraftPost(title, slug, summary, List.copyOf(tags), body.strip() + "\n"), List.of());
    }

    private static String text(ObjectNode obj, String field, int max, List<String> problems) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            problems.add("\"" + field + "\" is missing");
            return null;
        }
        if (!v.isTextual()) {
            problems.add("\"" + field + "\" must be a string");
            return null;
        }
        String s = v.asText().strip();
        if (s.isEmpty()) {
            problems.add("\"" + field + "\" is blank");
            return null;
        }
        if (s.length() > max) {
            problems.add("\"" + field + "\" is " + s.length() + " characters; at most " + max);
            return null;
        }
        return s;
    }

    private static Result fail(List<String> problems) {
        return new Result(null, List.copyOf(problems));
    }

    /** The draft as the cache stores it. */
    static String toJson(DraftPost d, long tokensIn, long tokensOut) {
        ObjectNode o = JSON.createObjectNode();
        o.put("title", d.title()).put("slug", d.slug()).put("summary", d.summary());
        d.tags().forEach(o.putArray("tags")::add);
        o.put("body", d.body()).put("tokens_in", tokensIn).put("tokens_out", tokensOut);
        return o.toString();
    }
}
