package dev.egregora.site.html;

import dev.egregora.core.EgregoraException;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.resolve.DirectoryCodeResolver;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * User template overrides: every {@code *.jte} in {@code SITE/.egregora/theme/templates/} replaces the bundled
 * template of the same name (or adds a partial the others can call); the rest stay the bundled ones. The merged
 * set is compiled once with jte's compiler (needs a JDK: {@code javax.tools}) into
 * {@code SITE/.egregora/cache/theme-<digest of the merged sources>/} and loaded from there by later builds, so only
 * the first build after an override changes pays for compiling (~1-3 s). Overrides get the same views and the same
 * context-aware HTML escaping as the bundled templates (they are compiled as {@code ContentType.Html}).
 */
public final class ThemeTemplates {
    /** Package of the compiled override classes. */
    static final String PACKAGE = "dev.egregora.site.theme";

    private ThemeTemplates() {
    }

    /** The override sources by file name, or an empty map when there are none. */
    public static Map<String, String> overrides(Path themeDir) {
        Path dir = themeDir.resolve("templates");
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".jte") && Files.isRegularFile(f))
                    .toList()) {
                String name = f.getFileName().toString();
                if (!name.matches("[a-z][a-z0-9_]*\\.jte")) {
                    throw new EgregoraException("theme template " + f + ": names are lower-case letters, digits"
                            + " and '_' (like post.jte)");
                }
                out.put(name, Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new EgregoraException("cannot read theme templates in " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * The bundled templates with {@code overrides} applied, compiled (or loaded from the cache under
     * {@code cacheDir}); {@code digest} names the merged set.
     */
    static TemplateEngine engine(Map<String, String> merged, String digest, Path cacheDir) {
        Path dir = cacheDir.resolve("theme-" + digest);
        Path classes = dir.resolve("classes");
        Path done = dir.resolve("compiled");
        ClassLoader parent = ThemeTemplates.class.getClassLoader();
        if (!Files.exists(done)) {
            if (ToolProvider.getSystemJavaCompiler() == null) {
                throw new EgregoraException("theme templates need a JDK to compile (this Java runtime has no"
                        + " compiler): run egregora with a JDK or remove .egregora/theme/templates");
            }
            Path src = dir.resolve("src");
            try {
                deleteTree(dir);
                Files.createDirectories(src);
                for (Map.Entry<String, String> t : merged.entrySet()) {
                    Files.writeString(src.resolve(t.getKey()), t.getValue(), StandardCharsets.UTF_8);
                }
                TemplateEngine compiler = TemplateEngine.create(new DirectoryCodeResolver(src), classes,
                        ContentType.Html, parent, PACKAGE);
                compiler.precompileAll();
                Files.writeString(done, digest);
            } catch (TemplateException e) {
                throw new EgregoraException("theme template " + describe(e.getMessage()), e);
            } catch (IOException | UncheckedIOException e) {
                throw new EgregoraException("cannot compile theme templates in " + dir + ": " + e.getMessage(), e);
            }
        }
        return TemplateEngine.createPrecompiled(classes, ContentType.Html, parent, PACKAGE);
    }

    /** "list.jte:2: cannot find symbol" from jte's multi-line compile error (the first line when unknown). */
    static String describe(String message) {
        if (message == null || message.isBlank()) {
            return "error";
        }
        String[] lines = message.strip().split("\\R");
        String where = null;
        String what = null;
        for (String line : lines) {
            String l = line.strip();
            if (where == null && l.matches("[a-z][a-z0-9_]*\\.jte:\\d+.*")) {
                where = l;
            } else if (what == null && l.contains("error:")) {
                what = l.substring(l.indexOf("error:") + 6).strip();
            }
        }
        if (where == null) {
            return "error: " + lines[0].strip();
        }
        return where + ": " + (what != null ? what : lines[0].strip());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
