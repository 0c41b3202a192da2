package dev.egregora.site.html;

import gg.jte.Content;
import gg.jte.TemplateOutput;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A post's card (its entry in listings) rendered once as UTF-8 and reused by every listing that shows it, at any
 * depth: the bundled template is rendered with a random marker as {@code root}, and the bytes between the markers
 * are kept, so placing the card at another root only writes the same byte arrays with that root in between (no
 * re-rendering, no re-escaping, no copying). Cards of user-overridden templates are rendered once per root instead,
 * since an override may use {@code root} in any way. Thread-safe.
 */
public final class CardHtml {
    private final byte[][] parts;
    private final Function<String, byte[]> renderAt;
    private final Map<String, byte[]> byRoot;

    private CardHtml(byte[][] parts, Function<String, byte[]> renderAt) {
        this.parts = parts;
        this.renderAt = renderAt;
        this.byRoot = renderAt == null ? null : new ConcurrentHashMap<>(4);
    }

    /** A card rendered (UTF-8) with the ASCII {@code marker} as its root, split at every occurrence of the marker. */
    static CardHtml split(Utf8Buffer rendered, byte[] marker) {
        return new CardHtml(rendered.split(marker), null);
    }

    /** A card rendered by an overridden template, once per root it is shown at. */
    static CardHtml perRoot(Function<String, byte[]> renderAt) {
        return new CardHtml(null, renderAt);
    }

    /** The card as template content for a page whose root (path to the site root) is {@code root}. */
    public Content at(String root) {
        if (renderAt != null) {
            byte[] html = byRoot.computeIfAbsent(root, renderAt);
            return out -> out.writeBinaryContent(html);
        }
        byte[] rootBytes = root.getBytes(StandardCharsets.UTF_8);
        return out -> write(out, rootBytes);
    }

    private void write(TemplateOutput out, byte[] root) {
        out.writeBinaryContent(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            if (root.length > 0) {
                out.writeBinaryContent(root);
            }
            out.writeBinaryContent(parts[i]);
        }
    }
}
