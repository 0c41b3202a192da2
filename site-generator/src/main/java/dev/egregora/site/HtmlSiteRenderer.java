package dev.egregora.site;

import com.google.inject.Inject;
import dev.egregora.core.EgregoraException;
import dev.egregora.core.port.RevisionDates;
import dev.egregora.core.port.SiteRevisions;
import dev.egregora.core.port.SiteRenderer;
import dev.egregora.core.store.Workspace;
import dev.egregora.site.card.CardRenderer;
import dev.egregora.site.content.Catalog;
import dev.egregora.site.content.PostEntry;
import dev.egregora.site.content.SiteSettings;
import dev.egregora.site.html.BuildCache;
import dev.egregora.site.html.Fingerprint;
import dev.egregora.site.html.ManifestFile;
import dev.egregora.site.html.MarkdownRenderer;
import dev.egregora.site.html.Output;
import dev.egregora.site.html.OutputDir;
import dev.egregora.site.html.PageRenderer;
import dev.egregora.site.html.SearchTerms;
import dev.egregora.site.html.SitePlanner;
import dev.egregora.site.html.ThemeTemplates;
import dev.egregora.site.mkdocs.MkDocsExporter;
import dev.egregora.site.store.SiteStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The site generator: renders {@code SITE/public/} (or the request's output dir; {@code SITE/mkdocs/} for
 * {@code Format.MKDOCS}) from the workspace's
 * {@code posts}, {@code profiles}, {@code authors} and {@code media}, incrementally.
 *
 * <p>Every build plans all files with a fingerprint of their inputs ({@link SitePlanner}, O(N)), compares the plan
 * with the build manifest ({@link ManifestFile}), renders only the changed files (in parallel), deletes files
 * that are no longer planned, and records the new manifest in one transaction. Post bodies are read only for the
 * posts whose pages are rebuilt. With {@code Format.MKDOCS} it writes MkDocs-Material sources instead. Thread-safe
 * for builds of different workspaces.
 */
public final class HtmlSiteRenderer implements SiteRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(HtmlSiteRenderer.class);

    private final SiteRevisions revisions;
    private final Function<Path, SiteSettings> settingsOf;
    private final PageRenderer pages = new PageRenderer();
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final CardRenderer cards = new CardRenderer();
    /** Renderers with user template overrides, by a fingerprint of the overrides (compiled once per process). */
    private final Map<String, PageRenderer> themed = new ConcurrentHashMap<>();
    /** Per output directory: what earlier builds in this process computed (see {@link BuildCache}). */
    private final Map<String, BuildCache> caches = new ConcurrentHashMap<>();

    /** Settings from the site's {@code .egregora/config.toml} {@code [site]} section, read on every build. */
    @Inject
    public HtmlSiteRenderer(SiteRevisions revisions) {
        this(revisions, SiteSettings::load);
    }

    /** Fixed revision dates and settings, for tests and benchmarks. */
    public HtmlSiteRenderer(RevisionDates revisions, SiteSettings settings) {
        this(site -> revisions, site -> settings);
    }

    private HtmlSiteRenderer(SiteRevisions revisions, Function<Path, SiteSettings> settingsOf) {
        this.revisions = Objects.requireNonNull(revisions, "revisions");
        this.settingsOf = settingsOf;
    }

    @Override
    public BuildSummary build(Workspace workspace, Request request) {
        Path output = (request.output() != null ? request.output()
                : workspace.site().resolve(request.format() == Format.MKDOCS ? "mkdocs" : "public"))
                .toAbsolutePath().normalize();
        SiteSettings settings = settingsOf.apply(workspace.site());
        SiteStore store = new SiteStore(workspace);
        if (request.format() == Format.MKDOCS) {
            Catalog catalog = store.loadCatalog();
            OutputDir out = new OutputDir(output);
            out.clearStaging();
            long written = new MkDocsExporter(settings).export(catalog, store, out);
            out.clearStaging();
            return new BuildSummary(output, written, 0, 0, 0, 0);
        }
        // one build per output directory at a time; the cache is dropped when a build fails half-way
        String key = workspace.dataDir().toAbsolutePath() + "\n" + output;
        BuildCache cache = caches.computeIfAbsent(key, k -> new BuildCache());
        synchronized (cache) {
            try {
                Path theme = workspace.dataDir().resolve("theme");
                PageRenderer renderer = pagesFor(theme, workspace.dataDir().resolve("cache"));
                Catalog catalog = store.loadCatalog(cache.posts);
                String css = customCss(theme);
                Map<String, Instant> updated = updatedDates(workspace, output, catalog);
                List<Output> plan = new SitePlanner(renderer, markdown, cards, settings, catalog, updated, css,
                        workspace.site(), cache).plan();
                return apply(plan, store, catalog, new OutputDir(output),
                        new ManifestFile(workspace.dataDir(), output), request.full(), cache);
            } catch (RuntimeException e) {
                caches.remove(key);
                throw e;
            }
        }
    }

    private BuildSummary apply(List<Output> plan, SiteStore store, Catalog catalog, OutputDir out,
                               ManifestFile manifestFile, boolean full, BuildCache cache) {
        Map<String, String> manifest = manifestFile.load();
        out.clearStaging();
        boolean rewriteAll = full || !Files.exists(out.root().resolve("index.html"));
        Map<String, Boolean> dirIntact = new HashMap<>();
        Map<String, String> all = new LinkedHashMap<>(plan.size() * 2);
        List<Output> changed = new ArrayList<>();
        long cardsCached = 0;
        long unchanged = 0;
        for (Output o : plan) {
            if (all.put(o.path(), o.hash()) != null) {
                throw new EgregoraException("two site files map to the same path " + o.path());
            }
            // a file deleted by hand is restored even though its inputs did not change: one stat per file, except
            // in directories whose modification time is what it was after the last build in this process
            if (rewriteAll || !o.hash().equals(manifest.get(o.path()))
                    || !dirIntact.computeIfAbsent(parent(o.path()), d -> intact(out, d, cache))
                    && !Files.exists(out.root().resolve(o.path()))) {
                changed.add(o);
            } else if (o.kind() == Output.Kind.CARD) {
                cardsCached++;
            } else {
                unchanged++;
            }
        }
        List<String> removed = new ArrayList<>();
        for (String path : manifest.keySet()) {
            if (!all.containsKey(path)) {
                removed.add(path);
            }
        }
        removed.sort(null);

        Set<String> needBodies = new LinkedHashSet<>();
        boolean searchChanged = false;
        for (Output o : changed) {
            if (o.postId() != null) {
                needBodies.add(o.postId());
            }
            searchChanged |= o.kind() == Output.Kind.SEARCH_INDEX;
        }
        Map<String, String> terms = Map.of();
        Map<String, String[]> keepTerms = new HashMap<>();
        Map<String, String[]> newTerms = new HashMap<>();
        Set<String> staleTerms = new LinkedHashSet<>();
        if (searchChanged) {
            Map<String, String[]> cached = cache.searchTerms != null ? cache.searchTerms : store.loadSearchTerms();
            Set<String> live = new HashSet<>();
            terms = new HashMap<>();
            for (PostEntry p : catalog.posts()) {
                live.add(p.id());
                String[] c = cached.get(p.id());
                if (c != null && c[0].equals(p.contentHash())) {
                    terms.put(p.id(), c[1]);
                    keepTerms.put(p.id(), c);
                } else {
                    needBodies.add(p.id());
                    if (c != null) {
                        staleTerms.add(p.id());
                    }
                }
            }
            for (String id : cached.keySet()) {
                if (!live.contains(id)) {
                    staleTerms.add(id);
                }
            }
        }
        Map<String, String> bodies = store.loadBodies(needBodies);
        if (searchChanged) {
            for (PostEntry p : catalog.posts()) {
                if (!terms.containsKey(p.id())) {
                    String t = SearchTerms.of(p.title() + "\n" + bodies.getOrDefault(p.id(), ""));
                    terms.put(p.id(), t);
                    newTerms.put(p.id(), new String[] {p.contentHash(), t});
                }
            }
        }
        Output.Inputs inputs = new Output.Inputs(bodies, terms);
        changed.parallelStream().forEach(o -> out.write(o.path(), o.producer().apply(inputs)));
        removed.forEach(out::delete);
        out.clearStaging();

        if (!changed.isEmpty() || !removed.isEmpty()) {
            manifestFile.save(all);
        }
        // rows of re-computed posts are replaced, not appended: another process may have added them meanwhile
        staleTerms.addAll(newTerms.keySet());
        store.saveSearchTerms(keepTerms, staleTerms, newTerms);
        if (searchChanged) {
            keepTerms.putAll(newTerms);
            cache.searchTerms = keepTerms;
        }
        Map<String, String> dirTimes = new HashMap<>();
        for (String path : all.keySet()) {
            dirTimes.computeIfAbsent(parent(path), d -> dirTime(out, d));
        }
        cache.dirTimes = dirTimes;
        long cardsRendered = changed.stream().filter(o -> o.kind() == Output.Kind.CARD).count();
        LOG.debug("site {}: {} files written ({} cards), {} unchanged, {} deleted", out.root(), changed.size(),
                cardsRendered, unchanged + cardsCached, removed.size());
        return new BuildSummary(out.root(), changed.size() - cardsRendered, unchanged, removed.size(), cardsRendered,
                cardsCached);
    }

    /** The bundled templates, or the ones with the user's overrides from {@code theme/templates/} applied. */
    private PageRenderer pagesFor(Path theme, Path cacheDir) {
        Map<String, String> overrides = ThemeTemplates.overrides(theme);
        if (overrides.isEmpty()) {
            return pages;
        }
        Fingerprint key = new Fingerprint().add(cacheDir.toString());
        overrides.forEach((name, source) -> key.add(name).add(source));
        return themed.computeIfAbsent(key.hex(), k -> PageRenderer.withOverrides(overrides, cacheDir));
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static boolean intact(OutputDir out, String dir, BuildCache cache) {
        String now = dirTime(out, dir);
        return !now.isEmpty() && now.equals(cache.dirTimes.get(dir));
    }

    /** A directory's modification time (nanosecond text), or "" when it cannot be read. */
    private static String dirTime(OutputDir out, String dir) {
        try {
            return Files.getLastModifiedTime(dir.isEmpty() ? out.root() : out.root().resolve(dir)).toString();
        } catch (IOException e) {
            return "";
        }
    }

    /** "Last updated" of each post page, from one bulk {@link RevisionDates} call; keyed by output-relative path. */
    private Map<String, Instant> updatedDates(Workspace workspace, Path output, Catalog catalog) {
        if (catalog.posts().isEmpty()) {
            return Map.of();
        }
        RevisionDates dates = revisions.of(workspace);
        if (dates == RevisionDates.NONE) {
            return Map.of();
        }
        Path site = workspace.site().toAbsolutePath().normalize();
        String prefix = output.startsWith(site) && !output.equals(site)
                ? site.relativize(output).toString().replace('\\', '/') + "/" : "";
        List<String> paths = SitePlanner.postPaths(catalog);
        List<String> query = new ArrayList<>(paths.size());
        paths.forEach(p -> query.add(prefix + p));
        Map<String, RevisionDates.Revision> found = dates.of(query);
        Map<String, Instant> out = new HashMap<>();
        for (String p : paths) {
            RevisionDates.Revision r = found.get(prefix + p);
            if (r != null && r.updated() != null) {
                out.put(p, r.updated());
            }
        }
        return out;
    }

    /** All {@code *.css} files of {@code SITE/.egregora/theme/}, by name, concatenated; null when there are none. */
    static String customCss(Path themeDir) {
        if (!Files.isDirectory(themeDir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(themeDir)) {
            List<Path> css = files.filter(f -> f.getFileName().toString().endsWith(".css") && Files.isRegularFile(f))
                    .sorted().toList();
            if (css.isEmpty()) {
                return null;
            }
            StringBuilder sb = new StringBuilder();
            for (Path f : css) {
                sb.append("/* ").append(f.getFileName()).append(" */\n")
                        .append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
            }
            return sb.toString();
        } catch (IOException e) {
            throw new EgregoraException("cannot read theme overrides in " + themeDir + ": " + e.getMessage(), e);
        }
    }
}
