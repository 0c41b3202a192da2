package dev.egregora.git;

import dev.egregora.core.model.Message;
import dev.egregora.core.model.Post;
import dev.egregora.core.model.WindowContent;
import dev.egregora.core.port.PostWriter;
import dev.egregora.core.store.Workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Adds the code a window's messages mention to each post another writer wrote: the commits and repository files
 * that {@link CodeReferenceDetector} finds, listed under a "Code mentioned" heading, each linked to the commit or
 * to the file as of the message's time when the remote is on GitHub (plain text otherwise); on GitHub the same
 * references inside the post's quoted messages become links too ({@link QuoteLinks}). What {@code egregora
 * write --repo REPO} uses. The fingerprint grows by the link style, so turning links on or off rewrites posts.
 */
public final class CodeLinkingWriter implements PostWriter {
    /** At most this many references are listed per post (the first ones mentioned). */
    public static final int MAX_LISTED = 25;

    private static final Map<String, String> HEADINGS = Map.of("en", "Code mentioned", "pt", "Código mencionado",
            "es", "Código mencionado", "de", "Erwähnter Code", "fr", "Code mentionné");

    private final PostWriter writer;
    private final CodeReferenceDetector detector;

    public CodeLinkingWriter(PostWriter writer, CodeReferenceDetector detector) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.detector = Objects.requireNonNull(detector, "detector");
    }

    @Override
    public void prepare(List<Message> chat) {
        writer.prepare(chat);
    }

    /** Passes the run's workspace on (the wrapped writer may remember earlier posts). */
    @Override
    public void open(Workspace workspace) {
        writer.open(workspace);
    }

    @Override
    public void committed(List<Post> posts) {
        writer.committed(posts);
    }

    @Override
    public Post write(WindowContent content) {
        Post post = writer.write(content);
        Map<String, CodeReference> mentioned = new LinkedHashMap<>();
        List<List<CodeReference>> perMessage = new ArrayList<>(content.messages().size());
        for (Message m : content.messages()) {
            List<CodeReference> refs = detector.find(m.text(), m.ts());
            perMessage.add(refs);
            for (CodeReference r : refs) {
                mentioned.putIfAbsent(r.kind() == CodeReference.Kind.COMMIT ? r.sha() : r.path(), r);
            }
        }
        if (mentioned.isEmpty()) {
            return post;
        }
        String body = detector.githubBase().isPresent()
                ? QuoteLinks.link(post.bodyMarkdown(), content.messages(), perMessage) : post.bodyMarkdown();
        StringBuilder md = new StringBuilder(body.stripTrailing()).append("\n\n## ")
                .append(HEADINGS.getOrDefault(post.language(), HEADINGS.get("en"))).append("\n\n");
        mentioned.values().stream().limit(MAX_LISTED).forEach(r -> md.append("- ").append(line(r)).append('\n'));
        return new Post(post.id(), post.slug(), post.signature(), post.title(), post.summary(), post.date(),
                post.endDate(), post.tags(), post.authorIds(), post.mediaIds(), post.language(), md.toString(),
                post.writer());
    }

    /** One list item; SHAs are hex and paths are made of {@code [A-Za-z0-9_./-]}, so code spans need no escaping. */
    private static String line(CodeReference r) {
        String label = r.kind() == CodeReference.Kind.COMMIT ? "`" + r.sha().substring(0, 10) + "`" : "`" + r.path() + "`";
        String linked = r.url() == null ? label : "[" + label + "](" + r.url() + ")";
        return r.kind() == CodeReference.Kind.COMMIT ? linked
                : linked + " (as of `" + r.sha().substring(0, 10) + "`)";
    }

    @Override
    public String fingerprint() {
        return writer.fingerprint() + ";code-links=v2:" + detector.githubBase().orElse("plain");
    }

    @Override
    public long[] tokens(String windowId) {
        return writer.tokens(windowId);
    }
}
