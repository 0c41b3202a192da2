package dev.egregora.site.html;

import dev.egregora.core.EgregoraException;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Renders views with the jte templates precompiled at build time ({@code src/main/jte}, package
 * {@code dev.egregora.site.template}). {@link #version()} is a digest of the compiled template classes and bundled
 * assets, so any template or theme change invalidates every page's fingerprint. Thread-safe.
 */
public final class PageRenderer {
    private static final String[] TEMPLATES = {"layout", "postcard", "pager", "list", "post", "tags", "authors",
        "author", "archive", "text"};
    private static final String[] ASSETS = {"style.css", "theme.js", "search.js"};

    private final TemplateEngine engine;
    private final String version;

    public PageRenderer() {
        this.engine = TemplateEngine.createPrecompiled(null, ContentType.Html, PageRenderer.class.getClassLoader(),
                "dev.egregora.site.template");
        Fingerprint fp = new Fingerprint();
        for (String t : TEMPLATES) {
            fp.add(new String(resource("/dev/egregora/site/template/Jte" + t + "Generated.class"),
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

    /** Renders {@code template} (e.g. {@code "post.jte"}) with its single parameter to UTF-8 bytes. */
    public byte[] render(String template, Object view) {
        StringOutput out = new StringOutput(16 * 1024);
        engine.render(template, view, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
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
