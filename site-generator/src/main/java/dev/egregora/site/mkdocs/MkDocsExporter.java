package dev.egregora.site.mkdocs;

import dev.egregora.core.model.Author;
import dev.egregora.core.model.Profile;
import dev.egregora.site.content.Catalog;
import dev.egregora.site.content.PostEntry;
import dev.egregora.site.content.SiteSettings;
import dev.egregora.site.html.AuthorSlugs;
import dev.egregora.site.html.Dates;
import dev.egregora.site.html.OutputDir;
import dev.egregora.site.html.Slugs;
import dev.egregora.site.store.SiteStore;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes MkDocs-Material sources for users who publish with MkDocs: {@code mkdocs.yml}, {@code docs/index.md},
 * {@code docs/about.md}, {@code docs/tags.md} (the Material tags plugin's index), {@code docs/posts/index.md} (all
 * posts by month), one {@code docs/posts/DATE-SLUG.md} per post with YAML front matter (title, date, slug, tags,
 * authors, description), {@code docs/profiles/} pages and {@code docs/.authors.yml}. Builds with
 * {@code mkdocs build --strict} using Debian's mkdocs 1.4 and mkdocs-material 8.
 *
 * <p>Python-Markdown renders raw HTML and does not sanitise links, so bodies are made inert on the way out:
 * {@code <} becomes {@code &lt;} and {@code javascript:}/{@code data:}/{@code vbscript:} link targets become
 * {@code #}; in front matter and link labels {@code < >} become {@code ‹ ›}.
 */
public final class MkDocsExporter {
    private static final Pattern BAD_INLINE = Pattern.compile("\\]\\(\\s*(?i:javascript|data|vbscript):[^)]*\\)");
    private static final Pattern BAD_REFERENCE = Pattern.compile(
            "(?m)^(\\s{0,3}\\[[^\\]]+\\]:\\s*)(?i:javascript|data|vbscript):\\S*");

    private final SiteSettings settings;

    public MkDocsExporter(SiteSettings settings) {
        this.settings = settings;
    }

    /** Writes every file (atomically) and returns how many were written. */
    public long export(Catalog catalog, SiteStore store, OutputDir out) {
        List<PostEntry> posts = catalog.posts();
        Map<String, String> bodies = store.loadBodies(posts.stream().map(PostEntry::id).toList());
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, String> postFile = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (PostEntry p : posts) {
            String name = Dates.isoDay(p.date()) + "-" + Slugs.of(p.slug());
            if (!taken.add(name)) {
                name = name + "-" + dev.egregora.core.model.Ids.sha256Hex(p.id()).substring(0, 8);
                taken.add(name);
            }
            postFile.put(p.id(), name + ".md");
        }
        Map<String, String> authorPage = new TreeMap<>();
        Map<String, String> authorSlugs = AuthorSlugs.of(catalog.authors());
        for (Author a : catalog.authors().values()) {
            if (!a.optedOut()) {
                authorPage.put(a.id(), authorSlugs.get(a.id()) + ".md");
            }
        }
        for (PostEntry p : posts) {
            StringBuilder sb = new StringBuilder(2048);
            sb.append("---\n");
            yaml(sb, "title", p.title());
            sb.append("date: ").append(dateTime(p.date())).append('\n');
            yaml(sb, "slug", Slugs.of(p.slug()));
            yaml(sb, "description", p.summary());
            list(sb, "tags", p.tags());
            List<String> authors = new ArrayList<>();
            for (String id : p.authorIds()) {
                if (authorPage.containsKey(id)) {
                    authors.add(id);
                }
            }
            list(sb, "authors", authors.stream().map(id -> authorSlugs.get(id)).toList());
            sb.append("---\n\n# ").append(label(p.title())).append("\n\n");
            sb.append('*').append(Dates.human(p.date()));
            for (int k = 0; k < authors.size(); k++) {
                Author a = catalog.authors().get(authors.get(k));
                sb.append(k == 0 ? " · " : ", ").append('[').append(label(a.displayName())).append("](../profiles/")
                        .append(authorPage.get(a.id())).append(')');
            }
            sb.append("*\n\n").append(inert(bodies.getOrDefault(p.id(), ""))).append('\n');
            files.put("docs/posts/" + postFile.get(p.id()), sb.toString());
        }
        files.put("docs/posts/index.md", postsIndex(posts, postFile));
        files.put("docs/index.md", home(posts, postFile));
        files.put("docs/tags.md", "# Tags\n\n[TAGS]\n");
        files.put("docs/about.md", "# About\n\n" + inert(settings.description()) + "\n\n" + posts.size()
                + " posts, written by Egregora from a group conversation. Everyone appears under a pseudonym.\n");
        profiles(catalog, posts, postFile, authorPage, files);
        files.put("docs/.authors.yml", authorsYml(catalog, authorPage));
        files.put("mkdocs.yml", mkdocsYml());
        files.forEach((path, text) -> out.write(path, text.getBytes(StandardCharsets.UTF_8)));
        removeStale(out, files.keySet(), "docs/posts");
        removeStale(out, files.keySet(), "docs/profiles");
        return files.size();
    }

    /** Deletes generated Markdown files of an earlier export that this export did not write (deleted posts). */
    private static void removeStale(OutputDir out, Set<String> written, String dir) {
        java.nio.file.Path d = out.root().resolve(dir);
        if (!java.nio.file.Files.isDirectory(d)) {
            return;
        }
        try (var files = java.nio.file.Files.list(d)) {
            for (java.nio.file.Path f : files.toList()) {
                String rel = dir + "/" + f.getFileName();
                if (rel.endsWith(".md") && !written.contains(rel)) {
                    out.delete(rel);
                }
            }
        } catch (java.io.IOException e) {
            throw new dev.egregora.core.EgregoraException("cannot list " + d + ": " + e.getMessage(), e);
        }
    }

    private String home(List<PostEntry> posts, Map<String, String> postFile) {
        StringBuilder sb = new StringBuilder("# ").append(label(settings.name())).append("\n\n")
                .append(inert(settings.description())).append("\n\n## Latest posts\n\n");
        for (int i = 0; i < Math.min(settings.pageSize(), posts.size()); i++) {
            PostEntry p = posts.get(i);
            sb.append("- [").append(label(p.title())).append("](posts/").append(postFile.get(p.id())).append(") — ")
                    .append(Dates.human(p.date())).append("  \n  ").append(inert(p.summary()).replace('\n', ' '))
                    .append('\n');
        }
        return sb.append("\n[All posts](posts/index.md) · [Tags](tags.md) · [Authors](profiles/index.md)\n")
                .toString();
    }

    private static String postsIndex(List<PostEntry> posts, Map<String, String> postFile) {
        StringBuilder sb = new StringBuilder("# All posts\n");
        String month = null;
        for (PostEntry p : posts) {
            String m = Dates.monthLabel(p.date());
            if (!m.equals(month)) {
                sb.append("\n## ").append(m).append("\n\n");
                month = m;
            }
            sb.append("- [").append(label(p.title())).append("](").append(postFile.get(p.id())).append(") — ")
                    .append(Dates.human(p.date())).append('\n');
        }
        return sb.toString();
    }

    private void profiles(Catalog catalog, List<PostEntry> posts, Map<String, String> postFile,
                          Map<String, String> authorPage, Map<String, String> files) {
        Map<String, List<PostEntry>> byAuthor = new TreeMap<>();
        for (PostEntry p : posts) {
            for (String id : p.authorIds()) {
                byAuthor.computeIfAbsent(id, k -> new ArrayList<>()).add(p);
            }
        }
        StringBuilder index = new StringBuilder("# Authors\n\n");
        for (Map.Entry<String, String> e : authorPage.entrySet()) {
            Author a = catalog.authors().get(e.getKey());
            List<PostEntry> mine = byAuthor.getOrDefault(a.id(), List.of());
            index.append("- [").append(label(a.displayName())).append("](").append(e.getValue()).append(") — ")
                    .append(mine.size()).append(" posts\n");
            StringBuilder sb = new StringBuilder("---\n");
            yaml(sb, "title", a.displayName());
            sb.append("---\n\n# ").append(label(a.displayName())).append("\n\n");
            Profile profile = catalog.profiles().get(a.id());
            if (profile != null) {
                sb.append(inert(profile.bodyMarkdown())).append("\n\n")
                        .append("- Messages: ").append(profile.messageCount()).append('\n')
                        .append("- First seen: ").append(Dates.human(profile.firstTs())).append('\n')
                        .append("- Last seen: ").append(Dates.human(profile.lastTs())).append('\n');
                if (!profile.topWords().isEmpty()) {
                    sb.append("- Favourite words: ").append(label(String.join(", ", profile.topWords())))
                            .append('\n');
                }
            }
            sb.append("\n## Posts\n\n");
            for (PostEntry p : mine) {
                sb.append("- [").append(label(p.title())).append("](../posts/").append(postFile.get(p.id()))
                        .append(") — ").append(Dates.human(p.date())).append('\n');
            }
            files.put("docs/profiles/" + e.getValue(), sb.toString());
        }
        files.put("docs/profiles/index.md", index.toString());
    }

    private static String authorsYml(Catalog catalog, Map<String, String> authorPage) {
        StringBuilder sb = new StringBuilder("# Authors metadata (MkDocs-Material blog format)\nauthors:\n");
        for (Map.Entry<String, String> e : authorPage.entrySet()) {
            Author a = catalog.authors().get(e.getKey());
            sb.append("  ").append(quote(e.getValue().replace(".md", ""))).append(":\n    name: ").append(quote(label(a.displayName())))
                    .append("\n    description: ").append(quote("Profile: profiles/" + e.getValue()))
                    .append("\n    url: ").append(quote("profiles/" + e.getValue().replace(".md", "/")))
                    .append('\n');
        }
        return sb.toString();
    }

    private String mkdocsYml() {
        return "# Generated by Egregora (egregora build --format mkdocs). Build with: mkdocs build --strict\n"
                + "site_name: " + quote(label(settings.name())) + "\n"
                + "site_description: " + quote(label(settings.description())) + "\n"
                + "site_url: " + quote(settings.baseUrl()) + "\n"
                + "docs_dir: docs\n"
                + "theme:\n"
                + "  name: material\n"
                + "  language: " + quote(settings.language()) + "\n"
                + "  features:\n    - navigation.top\n    - search.suggest\n"
                + "  palette:\n"
                + "    - media: \"(prefers-color-scheme: light)\"\n      scheme: default\n"
                + "      toggle:\n        icon: material/brightness-7\n        name: Switch to dark mode\n"
                + "    - media: \"(prefers-color-scheme: dark)\"\n      scheme: slate\n"
                + "      toggle:\n        icon: material/brightness-4\n        name: Switch to light mode\n"
                + "plugins:\n  - search\n  - tags:\n      tags_file: tags.md\n"
                + "nav:\n  - Home: index.md\n  - Posts: posts/index.md\n  - Tags: tags.md\n"
                + "  - Authors: profiles/index.md\n  - About: about.md\n";
    }

    /** Markdown from chat data made inert for Python-Markdown: no raw HTML, no script/data link targets. */
    static String inert(String markdown) {
        String s = markdown == null ? "" : markdown.replace("<", "&lt;");
        s = BAD_INLINE.matcher(s).replaceAll("](#)");
        return BAD_REFERENCE.matcher(s).replaceAll("$1#");
    }

    /** Text used as a link label or heading: no markup characters. */
    static String label(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append('‹');
                case '>' -> sb.append('›');
                case '[', ']', '(', ')', '*', '_', '`', '\\', '|', '#' -> sb.append('\\').append(c);
                case '\n', '\r', '\t' -> sb.append(' ');
                default -> {
                    if (c >= 0x20) {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString().strip();
    }

    private static void yaml(StringBuilder sb, String key, String value) {
        sb.append(key).append(": ").append(quote(plain(value))).append('\n');
    }

    private static void list(StringBuilder sb, String key, List<String> values) {
        sb.append(key).append(":");
        if (values.isEmpty()) {
            sb.append(" []\n");
            return;
        }
        sb.append('\n');
        for (String v : values) {
            sb.append("  - ").append(quote(plain(v))).append('\n');
        }
    }

    private static String plain(String s) {
        return s.replace('<', '‹').replace('>', '›');
    }

    /**
     * A YAML double-quoted scalar on one line that reads back as exactly {@code s}: every character YAML 1.1 (and
     * MkDocs' PyYAML) does not accept raw, C0 and C1 controls, DEL, U+FFFE/U+FFFF and unpaired surrogates, is
     * escaped; line and paragraph separators too. Public for the front matter fuzz target.
     */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1));
                    if (paired) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                            || c == '\ufffe' || c == '\uffff' || Character.isSurrogate(c)) {
                        sb.append(c > 0xff ? String.format("\\u%04x", (int) c) : String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static String dateTime(Instant i) {
        String s = i.toString();
        return s.substring(0, 10) + " " + s.substring(11, 16);
    }
}
