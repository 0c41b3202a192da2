package dev.egregora.writer.llm;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.model.Author;
import dev.egregora.core.model.Ids;
import dev.egregora.core.model.MediaItem;
import dev.egregora.core.model.Message;
import dev.egregora.core.model.WindowContent;
import dev.egregora.core.model.Post;
import dev.egregora.writer.memory.WriterMemory;
import dev.egregora.writer.text.ChatText;
import dev.egregora.writer.memory.store.AuthorNoteStore.AuthorNote;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The writer prompt: a Markdown template with {@code {{placeholders}}} ({@code language}, {@code participants},
 * {@code date_range}, {@code media}, {@code memory}, {@code profiles}, {@code transcript}), the built-in one or the user's
 * {@code SITE/.egregora/prompts/writer.md}. It only ever sees what a {@link WindowContent} holds: pseudonyms (or the
 * author's chosen alias) and privacy-masked text, never real names. Immutable, thread-safe.
 */
public final class WriterPrompt {
    public static final String OVERRIDE = ".egregora/prompts/writer.md";
    private static final String BUILT_IN = "writer.md";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);

    private final String template;
    private final String hash;

    WriterPrompt(String template) {
        this.template = template;
        this.hash = Ids.sha256Hex(template);
    }

    /** The user's template when {@code SITE/.egregora/prompts/writer.md} exists, else the built-in one. */
    public static WriterPrompt forSite(Path site) {
        Path custom = site.resolve(OVERRIDE);
        if (Files.isRegularFile(custom)) {
            try {
                String text = Files.readString(custom, StandardCharsets.UTF_8);
                if (!text.contains("{{transcript}}")) {
                    throw new EgregoraException(custom + " must contain the {{transcript}} placeholder");
                }
                return new WriterPrompt(text);
            } catch (IOException e) {
                throw new EgregoraException("cannot read " + custom + ": " + e.getMessage(), e);
            }
        }
        return builtIn();
    }

    public static WriterPrompt builtIn() {
        try (InputStream in = WriterPrompt.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BUILT_IN);
            }
            return new WriterPrompt(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of the template, part of the writer's fingerprint. */
    public String hash() {
        return hash;
    }

    /** The prompt for one window, without memory. */
    public String render(WindowContent content, String languageName) {
        return render(content, languageName, WriterMemory.Recall.NONE, Enrichment.Notes.NONE);
    }

    /**
     * The prompt for one window; {@code recall} holds earlier posts the writer should know about and notes on the
     * window's authors, both possibly empty.
     */
    public String render(WindowContent content, String languageName, WriterMemory.Recall recall,
                         Enrichment.Notes notes) {
        List<Post> related = recall.related();
        Map<String, Author> authors = content.authors();
        Set<String> people = new LinkedHashSet<>();
        Set<String> media = new LinkedHashSet<>();
        StringBuilder transcript = new StringBuilder();
        for (Message m : content.messages()) {
            Author a = m.authorId() == null ? null : authors.get(m.authorId());
            String who = a == null ? "(system)" : a.displayName();
            if (a != null) {
                people.add(who);
            }
            transcript.append('[');
            stamp(transcript, m.ts());
            transcript.append("] ").append(who).append(": ");
            String text = m.text();
            if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                text = text.replace("\r", "").replace("\n", "\n    ");
            }
            transcript.append(text);
            MediaItem item = m.mediaId() == null ? null : content.media().get(m.mediaId());
            if (item != null) {
                transcript.append(" [").append(item.kind()).append(": ").append(item.relPath());
                String alt = notes.altTexts().get(item.id());
                if (alt != null) {
                    transcript.append(" - shows: ").append(alt);
                }
                transcript.append(']');
                media.add(item.kind() + " " + item.relPath());
            } else if (m.mediaName() != null && !m.mediaName().isBlank()) {
                transcript.append(" [attachment not exported]");
            }
            transcript.append('\n');
            if (!notes.links().isEmpty()) {
                for (String url : ChatText.urls(m.text())) {
                    String about = notes.links().get(url);
                    if (about != null) {
                        transcript.append("    (link ").append(url).append(": ").append(about).append(")\n");
                    }
                }
            }
        }
        String memory = "";
        if (!related.isEmpty()) {
            StringBuilder sb = new StringBuilder("\nEarlier posts of this blog that relate to this excerpt (mention or "
                    + "continue them where it fits; link as [title](../slug/)):\n");
            for (Post p : related) {
                sb.append("- ").append(p.title()).append(" (").append(DAY.format(p.date())).append(", slug ")
                        .append(p.slug()).append("): ").append(p.summary().replace('\n', ' ')).append('\n');
            }
            memory = sb.toString();
        }
        StringBuilder profiles = new StringBuilder();
        for (Map.Entry<String, AuthorNote> e : recall.authors().entrySet()) {
            Author a = authors.get(e.getKey());
            if (a == null) {
                continue;
            }
            AuthorNote n = e.getValue();
            profiles.append(profiles.length() == 0 ? "\nWhat the blog already knows about these people:\n" : "")
                    .append("- ").append(a.displayName()).append(": ").append(n.messages())
                    .append(" messages since ").append(MONTH.format(n.since()));
            if (!n.topWords().isEmpty()) {
                profiles.append("; often talks about ").append(String.join(", ",
                        n.topWords().subList(0, Math.min(8, n.topWords().size()))));
            }
            if (!n.topEmoji().isEmpty()) {
                profiles.append("; favourite emoji ").append(String.join(" ",
                        n.topEmoji().subList(0, Math.min(3, n.topEmoji().size()))));
            }
            profiles.append('\n');
        }
        StringBuilder range = new StringBuilder(40);
        stamp(range, content.window().start());
        range.append(" – ");
        stamp(range, content.window().end());
        range.append(" UTC");
        Map<String, String> values = Map.of("language", languageName,
                "participants", people.isEmpty() ? "(none)" : String.join(", ", people),
                "date_range", range.toString(),
                "media", media.isEmpty() ? "none" : String.join("; ", media),
                "memory", memory, "profiles", profiles.toString(),
                "transcript", transcript.toString().stripTrailing());
        return fill(values);
    }

    /** The template with every {@code {{name}}} of {@code values} replaced, in one pass; other text kept as is. */
    private String fill(Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + values.get("transcript").length() + 512);
        int from = 0;
        for (int open = template.indexOf("{{"); open >= 0; open = template.indexOf("{{", from)) {
            int close = template.indexOf("}}", open + 2);
            String value = close < 0 ? null : values.get(template.substring(open + 2, close));
            if (value == null) {
                out.append(template, from, open + 2);
                from = open + 2;
                continue;
            }
            out.append(template, from, open).append(value);
            from = close + 2;
        }
        return out.append(template, from, template.length()).toString();
    }

    /** {@code uuuu-MM-dd HH:mm} in UTC (years 0-9999), without a formatter (it is on every transcript line). */
    static void stamp(StringBuilder sb, java.time.Instant t) {
        java.time.LocalDateTime d = java.time.LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        pad(sb, d.getYear(), 4).append('-');
        pad(sb, d.getMonthValue(), 2).append('-');
        pad(sb, d.getDayOfMonth(), 2).append(' ');
        pad(sb, d.getHour(), 2).append(':');
        pad(sb, d.getMinute(), 2);
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        if (value >= 0 && value < 10_000 && (width == 4 || value < 100)) { // digit by digit: no String per field
            for (int div = width == 4 ? 1000 : 10; div > 0; div /= 10) {
                sb.append((char) ('0' + value / div % 10));
            }
            return sb;
        }
        String v = Integer.toString(value);
        for (int i = v.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(v);
    }
}
