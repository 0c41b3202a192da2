package dev.egregora.site.html;

import dev.egregora.core.EgregoraException;
import dev.egregora.site.template.JtearchiveGenerated;
import dev.egregora.site.template.JteauthorGenerated;
import dev.egregora.site.template.JteauthorsGenerated;
import dev.egregora.site.template.JtelistGenerated;
import dev.egregora.site.template.JtepostGenerated;
import dev.egregora.site.template.JtepostcardGenerated;
import dev.egregora.site.template.JtetagsGenerated;
import dev.egregora.site.template.JtetextGenerated;
import dev.egregora.site.view.ArchiveIndex;
import dev.egregora.site.view.AuthorIndex;
import dev.egregora.site.view.AuthorPage;
import dev.egregora.site.view.ListPage;
import dev.egregora.site.view.PostCard;
import dev.egregora.site.view.PostPage;
import dev.egregora.site.view.TagCloud;
import dev.egregora.site.view.TextPage;
import gg.jte.html.HtmlTemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import gg.jte.output.Utf8ByteOutput;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Renders views with the jte templates precompiled at build time ({@code src/main/jte}, generated into
 * {@code dev.egregora.site.template} with binary static content). The generated classes are called directly (no
 * name lookup, no reflection) through jte's OWASP HTML output, which escapes every {@code ${...}} for its HTML
 * context. {@link #version()} is a digest of the compiled templates and bundled assets, so any template or theme
 * change invalidates every page's fingerprint. Thread-safe.
 */
public final class PageRenderer {
    private static final String[] TEMPLATES = {"layout", "postcard", "pager", "list", "post", "tags", "authors",
        "author", "archive", "text"};
    private static final String[] ASSETS = {"style.css", "theme.js", "search.js"};

    private final String version;

    public PageRenderer() {
        Fingerprint fp = new Fingerprint();
        for (String t : TEMPLATES) {
            fp.add(new String(resource("/dev/egregora/site/template/Jte" + t + "Generated.class"),
                    StandardCharsets.ISO_8859_1));
            fp.add(new String(resource("/dev/egregora/site/template/Jte" + t + "Generated.bin"),
                    StandardCharsets.ISO_8859_1));
        }
        for (String a : ASSETS) {
            fp.add(new String(asset(a), StandardCharsets.ISO_8859_1));
        }
        this.version = fp.hex();
    }

    public String version() {
        return version;
    }

    public byte[] post(PostPage view) {
        return bytes(o -> JtepostGenerated.render(o, null, view));
    }

    public byte[] list(ListPage view) {
        return bytes(o -> JtelistGenerated.render(o, null, view));
    }

    public byte[] tags(TagCloud view) {
        return bytes(o -> JtetagsGenerated.render(o, null, view));
    }

    public byte[] authors(AuthorIndex view) {
        return bytes(o -> JteauthorsGenerated.render(o, null, view));
    }

    public byte[] author(AuthorPage view) {
        return bytes(o -> JteauthorGenerated.render(o, null, view));
    }

    public byte[] archive(ArchiveIndex view) {
        return bytes(o -> JtearchiveGenerated.render(o, null, view));
    }

    public byte[] text(TextPage view) {
        return bytes(o -> JtetextGenerated.render(o, null, view));
    }

    /** A post card as an HTML fragment, for listings at {@code root}. */
    public String card(String root, PostCard card) {
        StringOutput out = new StringOutput(1024);
        JtepostcardGenerated.render(new OwaspHtmlTemplateOutput(out), null, root, card);
        return out.toString();
    }

    private static byte[] bytes(Consumer<HtmlTemplateOutput> template) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        template.accept(new OwaspHtmlTemplateOutput(out));
        return out.toByteArray();
    }

    /** A bundled theme asset ({@code style.css}, {@code theme.js}, {@code search.js}). */
    public static byte[] asset(String name) {
        return resource("/dev/egregora/site/assets/" + name);
    }

    private static byte[] resource(String path) {
        try (InputStream in = PageRenderer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new EgregoraException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new EgregoraException("cannot read resource " + path + ": " + e.getMessage(), e);
        }
    }
}
