package dev.egregora.writer.llm;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.model.Author;
import dev.egregora.core.model.Ids;
import dev.egregora.core.model.MediaItem;
import dev.egregora.core.model.Message;
import dev.egregora.core.model.WindowContent;
import dev.egregora.core.model.Post;
import dev.egregora.writer.memory.WriterMemory;
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
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(ZoneOffset.UTC);
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
        return render(content, languageName, WriterMemory.Recall.NONE);
    }

    /**
     * The prompt for one window; {@code recall} holds earlier posts the writer should know about and notes on the
     * window's authors, both possibly empty.
     */
    public String render(WindowContent content, String languageName, WriterMemory.Recall recall) {
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
            transcript.append('[').append(STAMP.format(m.ts())).append("] ").append(who).append(": ")
                    .append(m.text().replace("\r", "").replace("\n", "\n    "));
            MediaItem item = m.mediaId() == null ? null : content.media().get(m.mediaId());
            if (item != null) {
                transcript.append(" [").append(item.kind()).append(": ").append(item.relPath()).append(']');
                media.add(item.kind() + " " + item.relPath());
            } else if (m.mediaName() != null && !m.mediaName().isBlank()) {
                transcript.append(" [attachment not exported]");
            }
            transcript.append('\n');
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
        String range = STAMP.format(content.window().start()) + " – " + STAMP.format(content.window().end()) + " UTC";
        return template.replace("{{language}}", languageName)
                .replace("{{participants}}", people.isEmpty() ? "(none)" : String.join(", ", people))
                .replace("{{date_range}}", range)
                .replace("{{media}}", media.isEmpty() ? "none" : String.join("; ", media))
                .replace("{{memory}}", memory)
                .replace("{{profiles}}", profiles.toString())
                .replace("{{transcript}}", transcript.toString().stripTrailing());
    }
}
