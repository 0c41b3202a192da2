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
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.html.HtmlTemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.Utf8ByteOutput;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
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
    /** The compiled templates with user overrides, or null for the bundled precompiled ones. */
    private final TemplateEngine engine;

    public PageRenderer() {
        this.engine = null;
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

    private PageRenderer(TemplateEngine engine, String version) {
        this.engine = engine;
        this.version = version;
    }

    /**
     * The bundled templates with user overrides ({@link ThemeTemplates#overrides}: file name to jte source)
     * applied, compiled or loaded from {@code cacheDir}. Its {@link #version()} covers the merged sources, so
     * changing an override rebuilds every page.
     */
    public static PageRenderer withOverrides(Map<String, String> overrides, Path cacheDir) {
        Map<String, String> merged = new TreeMap<>();
        for (String t : TEMPLATES) {
            merged.put(t + ".jte", new String(resource("/dev/egregora/site/jte/" + t + ".jte"),
                    StandardCharsets.UTF_8));
        }
        merged.putAll(overrides);
        Fingerprint fp = new Fingerprint().add("jte-overrides-1");
        merged.forEach((name, source) -> fp.add(name).add(source));
        for (String a : ASSETS) {
            fp.add(new String(asset(a), StandardCharsets.ISO_8859_1));
        }
        String digest = fp.hex();
        return new PageRenderer(ThemeTemplates.engine(merged, digest, cacheDir), digest);
    }

    public String version() {
        return version;
    }

    public byte[] post(PostPage view) {
        return bytes("post", view, o -> JtepostGenerated.render(o, null, view));
    }

    public byte[] list(ListPage view) {
        return bytes("list", view, o -> JtelistGenerated.render(o, null, view));
    }

    public byte[] tags(TagCloud view) {
        return bytes("tags", view, o -> JtetagsGenerated.render(o, null, view));
    }

    public byte[] authors(AuthorIndex view) {
        return bytes("authors", view, o -> JteauthorsGenerated.render(o, null, view));
    }

    public byte[] author(AuthorPage view) {
        return bytes("author", view, o -> JteauthorGenerated.render(o, null, view));
    }

    public byte[] archive(ArchiveIndex view) {
        return bytes("archive", view, o -> JtearchiveGenerated.render(o, null, view));
    }

    public byte[] text(TextPage view) {
        return bytes("text", view, o -> JtetextGenerated.render(o, null, view));
    }

    /**
     * A post's card for listings, rendered once for every depth ({@link CardHtml}). The bundled template is
     * rendered with {@link #ROOT_MARKER} as its root: a random token per process that no escaped text can contain
     * by chance, and that never reaches the output.
     */
    public CardHtml card(PostCard card) {
        if (engine != null) {
            return CardHtml.perRoot(root -> {
                Utf8ByteOutput out = new Utf8ByteOutput(1024);
                render("postcard", Map.of("root", root, "post", card), new OwaspHtmlTemplateOutput(out));
                return out.toByteArray();
            });
        }
        Utf8Buffer out = new Utf8Buffer(1024);
        JtepostcardGenerated.render(new OwaspHtmlTemplateOutput(out), null, ROOT_MARKER, card);
        return CardHtml.split(out, ROOT_MARKER_BYTES);
    }

    private static final String ROOT_MARKER = "r" + java.util.UUID.randomUUID().toString().replace("-", "") + "/";
    private static final byte[] ROOT_MARKER_BYTES = ROOT_MARKER.getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes(String name, Object view, Consumer<HtmlTemplateOutput> precompiled) {
        Utf8Buffer out = Utf8Buffer.forThisThread();
        HtmlTemplateOutput html = new OwaspHtmlTemplateOutput(out);
        if (engine != null) {
            render(name, view, html);
        } else {
            precompiled.accept(html);
        }
        return out.toByteArray();
    }

    private void render(String name, Object params, HtmlTemplateOutput out) {
        try {
            if (params instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> named = (Map<String, Object>) map;
                engine.render(name + ".jte", named, out);
            } else {
                engine.render(name + ".jte", params, out);
            }
        } catch (TemplateException e) {
            throw new EgregoraException("theme template " + name + ".jte failed: "
                    + ThemeTemplates.describe(e.getMessage()), e);
        }
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
