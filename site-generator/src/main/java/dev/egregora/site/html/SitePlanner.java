package dev.egregora.site.html;

import dev.egregora.core.model.Author;
import dev.egregora.core.model.MediaItem;
import dev.egregora.core.model.Profile;
import dev.egregora.site.card.CardRenderer;
import dev.egregora.site.content.Catalog;
import dev.egregora.site.content.PostEntry;
import dev.egregora.site.content.SiteSettings;
import dev.egregora.site.view.ArchiveIndex;
import dev.egregora.site.view.AuthorIndex;
import dev.egregora.site.view.AuthorPage;
import dev.egregora.site.view.AuthorRef;
import dev.egregora.site.view.Link;
import dev.egregora.site.view.ListPage;
import dev.egregora.site.view.MediaView;
import dev.egregora.site.view.MonthRef;
import dev.egregora.site.view.Page;
import dev.egregora.site.view.PageNum;
import dev.egregora.site.view.Pager;
import dev.egregora.site.view.PostCard;
import dev.egregora.site.view.PostPage;
import dev.egregora.site.view.TagCloud;
import dev.egregora.site.view.TagRef;
import dev.egregora.site.view.TextPage;
import gg.jte.Content;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Plans every file of the HTML site from the catalog, without rendering anything: each {@link Output} carries the
 * fingerprint of its inputs and a producer. Planning costs O(N) in the number of posts (listing pages fingerprint
 * only their own members; pagers link to neighbours, first and last), so comparing a plan with the manifest is
 * cheap enough to do on every build. Instances are single-use.
 */
public final class SitePlanner {
    private static final int RELATED_WINDOW = 4;
    /**
     * Authors named on a post's card in listings and author pages; the rest are counted. Listing every author made
     * each of 20k author pages repeat a card of ~3,000 names (4.5 GB of HTML, reliability finding F7).
     */
    static final int CARD_AUTHORS = 10;

    private final PageRenderer pages;
    private final MarkdownRenderer markdown;
    private final CardRenderer cards;
    private final SiteSettings settings;
    private final Catalog catalog;
    private final Map<String, Instant> updated;
    private final String customCss;
    private final Path site;
    private final BuildCache cache;
    private final String base;
    private final long baseHash;
    private final List<Output> outputs = new ArrayList<>();
    private final List<String[]> sitemap = new ArrayList<>();

    private Info[] posts;
    private final Map<String, Integer> indexOf = new HashMap<>();
    private final Map<String, List<Integer>> byTag = new TreeMap<>();
    private final Map<String, String> tagSlugs = new HashMap<>();
    private final Map<String, String> authorSlugs = new HashMap<>();
    /** One link per tag and per author, shared by every post that shows it. */
    private final Map<String, Link> tagLinks = new HashMap<>();
    private final Map<String, Link> authorLinks = new HashMap<>();
    private AtomicReferenceArray<CardHtml> cardHtml;

    /** What the planner knows about each post. */
    record Info(PostEntry entry, String fileSlug, String href, List<Link> tags, List<Link> authors,
                PostCard card, long listHash, long linkHash) {
    }

    /** Per post: its position in each of its tags' member lists (-1 for a repeated tag). */
    private int[][] tagPos;

    /**
     * @param updated   "last updated" instant per page path (relative to the output dir), from RevisionDates
     * @param customCss concatenated user CSS overrides, or null
     * @param site      the site directory (media sources are resolved inside it)
     */
    public SitePlanner(PageRenderer pages, MarkdownRenderer markdown, CardRenderer cards, SiteSettings settings,
                       Catalog catalog, Map<String, Instant> updated, String customCss, Path site) {
        this(pages, markdown, cards, settings, catalog, updated, customCss, site, new BuildCache());
    }

    /** @param cache what earlier builds of the same output computed (search index rows) */
    public SitePlanner(PageRenderer pages, MarkdownRenderer markdown, CardRenderer cards, SiteSettings settings,
                       Catalog catalog, Map<String, Instant> updated, String customCss, Path site,
                       BuildCache cache) {
        this.cache = cache;
        this.pages = pages;
        this.markdown = markdown;
        this.cards = cards;
        this.settings = settings;
        this.catalog = catalog;
        this.updated = updated;
        this.customCss = customCss;
        this.site = site;
        this.base = new Fingerprint().add(pages.version()).add(settings.toString()).add(customCss != null).hex();
        this.baseHash = new Fingerprint().add(base).add("post").low();
    }

    /** The path of every post page, in catalog order (for bulk revision lookups before planning). */
    public static List<String> postPaths(Catalog catalog) {
        List<String> paths = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (PostEntry p : catalog.posts()) {
            paths.add("posts/" + fileSlug(p, taken) + ".html");
        }
        return paths;
    }

    private static String fileSlug(PostEntry p, Set<String> taken) {
        String s = Slugs.of(p.slug());
        if (!taken.add(s)) {
            s = s + "-" + dev.egregora.core.model.Ids.sha256Hex(p.id()).substring(0, 8);
            taken.add(s);
        }
        return s;
    }

    public List<Output> plan() {
        indexPosts();
        planPosts();
        planListing("home", "Latest posts", settings.description(), allIndexes(), p -> p == 1 ? "index.html"
                : "page/" + p + ".html", "home");
        planTags();
        planAuthors();
        planArchive();
        planStaticPages();
        planFeeds();
        planSearch();
        planSitemap();
        planUpdated();
        planAssets();
        return outputs;
    }

    // ---- posts -------------------------------------------------------------------------------------------

    private void indexPosts() {
        List<PostEntry> entries = catalog.posts();
        posts = new Info[entries.size()];
        tagPos = new int[entries.size()][];
        Set<String> taken = new HashSet<>();
        // what a post shows in listings depends on its own row and the authors table only: reuse an earlier
        // build's Info while both are the same (the same PostEntry instance means an unchanged content hash)
        Fingerprint authorsFp = new Fingerprint();
        new TreeMap<>(catalog.authors()).forEach((id, a) -> authorsFp.add(a.toString()));
        long authorsKey = authorsFp.low();
        if (cache.authorsKey != authorsKey) {
            cache.infos.clear();
            cache.authorsKey = authorsKey;
        }
        String[] slugs = new String[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            PostEntry e = entries.get(i);
            indexOf.put(e.id(), i);
            slugs[i] = fileSlug(e, taken);
            int[] pos = new int[e.tags().size()];
            for (int k = 0; k < e.tags().size(); k++) {
                List<Integer> members = byTag.computeIfAbsent(e.tags().get(k), x -> new ArrayList<>());
                if (members.isEmpty() || members.get(members.size() - 1) != i) {
                    members.add(i);
                    pos[k] = members.size() - 1;
                } else {
                    pos[k] = -1; // the same tag twice on one post
                }
            }
            tagPos[i] = pos;
        }
        // slugs first, so that making each post's Info (in parallel) only reads shared maps
        for (String tag : byTag.keySet()) {
            tagLinks.put(tag, new Link("tags/" + tagSlug(tag) + "/index.html", tag));
        }
        authorSlugs.putAll(AuthorSlugs.of(catalog.authors()));
        catalog.authors().forEach((id, a) -> authorLinks.put(id, new Link(a.optedOut() ? null
                : "authors/" + authorSlugs.get(id) + "/index.html", a.displayName())));
        Map<String, Info> known = cache.infos;
        IntStream.range(0, entries.size()).parallel().forEach(i -> {
            PostEntry e = entries.get(i);
            Info info = known.get(e.id());
            posts[i] = info != null && info.entry() == e && info.fileSlug().equals(slugs[i]) ? info : info(e, slugs[i]);
        });
        Map<String, Info> infos = new HashMap<>(entries.size() * 2);
        for (Info info : posts) {
            infos.put(info.entry().id(), info);
        }
        cache.infos = infos;
        cardHtml = new AtomicReferenceArray<>(posts.length);
    }

    private Info info(PostEntry e, String fs) {
        List<Link> tags = new ArrayList<>(e.tags().size());
        for (String t : e.tags()) {
            tags.add(tagLinks.get(t));
        }
        List<Link> authors = new ArrayList<>(e.authorIds().size());
        for (String id : e.authorIds()) {
            Link a = authorLinks.get(id);
            if (a != null) {
                authors.add(a);
            }
        }
        String href = "posts/" + fs + ".html";
        PostCard card = new PostCard(href, e.title(), Dates.human(e.date()), Dates.isoDay(e.date()),
                e.summary(), tags, authors.subList(0, Math.min(CARD_AUTHORS, authors.size())),
                Math.max(0, authors.size() - CARD_AUTHORS));
        Fingerprint fp = new Fingerprint().add(href).add(e.title()).add(card.date()).add(e.summary());
        tags.forEach(l -> fp.add(l.href()).add(l.label()));
        authors.forEach(l -> fp.add(l.href()).add(l.label()));
        long linkHash = new Fingerprint().add(href).add(e.title()).low();
        return new Info(e, fs, href, tags, authors, card, fp.low(), linkHash);
    }

    private String tagSlug(String tag) {
        return tagSlugs.computeIfAbsent(tag, Slugs::of);
    }

    private String authorSlug(String id) {
        return authorSlugs.get(id);
    }

    /** Every post page (and card), fingerprinted in parallel, added in catalog order. */
    private void planPosts() {
        Output[] pageOut = new Output[posts.length];
        Output[] cardOut = new Output[posts.length];
        String[] lastmod = new String[posts.length];
        IntStream.range(0, posts.length).parallel().forEach(i -> planPost(i, pageOut, cardOut, lastmod));
        for (int i = 0; i < posts.length; i++) {
            sitemap.add(new String[] {pageOut[i].path(), lastmod[i]});
            outputs.add(pageOut[i]);
            if (cardOut[i] != null) {
                outputs.add(cardOut[i]);
            }
        }
    }

    private void planPost(int i, Output[] pageOut, Output[] cardOut, String[] lastmod) {
        Info info = posts[i];
        PostEntry e = info.entry();
        Link newer = i > 0 ? new Link(posts[i - 1].href(), posts[i - 1].entry().title()) : null;
        Link older = i + 1 < posts.length ? new Link(posts[i + 1].href(), posts[i + 1].entry().title()) : null;
        int[] relatedIdx = related(i);
        List<Link> related = new ArrayList<>(relatedIdx.length);
        for (int r : relatedIdx) {
            related.add(new Link(posts[r].href(), posts[r].entry().title()));
        }
        Integer sequelOf = indexOf.get(catalog.continues().getOrDefault(e.id(), ""));
        Link continues = sequelOf == null || sequelOf == i ? null
                : new Link(posts[sequelOf].href(), posts[sequelOf].entry().title());
        List<MediaView> media = media(e);
        Instant up = updated.get(info.href());
        String cardPath = settings.cards() ? "cards/" + info.fileSlug() + ".png" : null;
        Fingerprint fp = new Fingerprint().add(baseHash).add(e.contentHash()).add(info.listHash())
                .add(up != null).add(cardPath != null).add(i > 0 ? posts[i - 1].linkHash() : 0L)
                .add(i + 1 < posts.length ? posts[i + 1].linkHash() : 0L);
        for (int r : relatedIdx) {
            fp.add(posts[r].linkHash());
        }
        if (continues != null) {
            fp.add("continues").add(posts[sequelOf].linkHash());
        }
        media.forEach(m -> fp.add(m.href()).add(m.kind()).add(m.name()));
        String path = info.href();
        lastmod[i] = Dates.isoDay(up != null ? up : e.endDate());
        pageOut[i] = new Output(path, fp.hex(), Output.Kind.PAGE, e.id(), in -> {
            String body = in.bodies().getOrDefault(e.id(), "");
            String html = markdown.render(body);
            int words = body.split("\\s+").length;
            Page page = page(path, e.title(), e.summary(),
                    cardPath == null ? null : settings.baseUrl() + cardPath, up != null, "post");
            return pages.post(new PostPage(page, e.title(), info.card().date(),
                    info.card().isoDate(), info.authors(), info.tags(), html, media, older, newer, related,
                    Math.max(1, words / 200), continues));
        });
        if (cardPath != null) {
            CardRenderer.Card card = new CardRenderer.Card(e.title(), info.card().date(), settings.name(),
                    e.tags().isEmpty() ? "" : e.tags().get(0));
            cardOut[i] = new Output(cardPath, CardRenderer.fingerprint(card), Output.Kind.CARD, null,
                    in -> cards.render(card));
        }
    }

    /**
     * The post's {@code related_posts} rows when the pipeline stored any (best first, at most
     * {@code settings.related()}); otherwise the posts sharing the most tags among each tag's chronological
     * neighbours (O(tags x window) per post).
     */
    private int[] related(int i) {
        if (settings.related() == 0) {
            return new int[0];
        }
        Info info = posts[i];
        List<String> stored = catalog.related().get(info.entry().id());
        if (stored != null) {
            int[] out = new int[Math.min(stored.size(), settings.related())];
            int n = 0;
            for (int k = 0; k < stored.size() && n < out.length; k++) {
                Integer j = indexOf.get(stored.get(k));
                if (j != null && j != i) {
                    out[n++] = j;
                }
            }
            if (n > 0) {
                return n == out.length ? out : Arrays.copyOf(out, n);
            }
        }
        List<String> tags = info.entry().tags();
        int[] cand = new int[tags.size() * (2 * RELATED_WINDOW + 1)];
        int[] score = new int[cand.length];
        int n = 0;
        for (int t = 0; t < tags.size(); t++) {
            int pos = tagPos[i][t];
            if (pos < 0) {
                continue;
            }
            List<Integer> members = byTag.get(tags.get(t));
            int hi = Math.min(members.size() - 1, pos + RELATED_WINDOW);
            for (int k = Math.max(0, pos - RELATED_WINDOW); k <= hi; k++) {
                int j = members.get(k);
                if (j == i) {
                    continue;
                }
                int at = 0;
                while (at < n && cand[at] != j) {
                    at++;
                }
                if (at == n) {
                    cand[n] = j;
                    score[n++] = 0;
                }
                score[at]++;
            }
        }
        int count = Math.min(settings.related(), n);
        int[] out = new int[count];
        boolean[] used = new boolean[n];
        for (int r = 0; r < count; r++) {
            int best = -1;
            for (int k = 0; k < n; k++) {
                if (used[k]) {
                    continue;
                }
                if (best < 0 || score[k] > score[best] || (score[k] == score[best]
                        && (Math.abs(cand[k] - i) < Math.abs(cand[best] - i)
                        || (Math.abs(cand[k] - i) == Math.abs(cand[best] - i) && cand[k] < cand[best])))) {
                    best = k;
                }
            }
            used[best] = true;
            out[r] = cand[best];
        }
        return out;
    }

    private List<MediaView> media(PostEntry e) {
        List<MediaView> out = new ArrayList<>();
        for (String id : e.mediaIds()) {
            MediaItem m = catalog.media().get(id);
            if (m != null && safeMediaPath(m.relPath()) != null) {
                out.add(new MediaView(safeMediaPath(m.relPath()), m.kind(), m.fileName(), m.mime()));
            }
        }
        return out;
    }

    /** The output path of a media file: its site-relative path if that is a plain relative path, else null. */
    static String safeMediaPath(String rel) {
        if (rel == null || rel.isEmpty() || rel.startsWith("/") || rel.contains("\\") || rel.contains(":")
                || rel.contains("\0")) {
            return null;
        }
        for (String part : rel.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..") || part.startsWith(".")) {
                return null;
            }
        }
        return rel.startsWith("media/") ? rel : "media/" + rel;
    }

    // ---- listings ------------------------------------------------------------------------------------------

    private List<Integer> allIndexes() {
        List<Integer> all = new ArrayList<>(posts.length);
        for (int i = 0; i < posts.length; i++) {
            all.add(i);
        }
        return all;
    }

    private void planListing(String kind, String heading, String intro, List<Integer> members,
                             Function<Integer, String> pathOf, String section) {
        int size = settings.pageSize();
        int pageCount = Math.max(1, (members.size() + size - 1) / size);
        for (int p = 1; p <= pageCount; p++) {
            List<Integer> slice = members.subList(Math.min(members.size(), (p - 1) * size),
                    Math.min(members.size(), p * size));
            String path = pathOf.apply(p);
            int pageNo = p;
            Fingerprint fp = new Fingerprint().add(base).add(kind).add(heading).add(intro).add(p).add(pageCount);
            slice.forEach(i -> fp.add(posts[i].listHash()));
            List<Link> top = kind.equals("home") && p == 1 ? topPosts() : List.of();
            top.forEach(l -> fp.add(l.href()).add(l.label()));
            String title = p == 1 ? heading : heading + " (page " + p + ")";
            String pageTitle = kind.equals("home") && p == 1 ? settings.name() : title;
            sitemap.add(new String[] {path, null});
            outputs.add(new Output(path, fp.hex(), Output.Kind.PAGE, null, in ->
                    pages.list(new ListPage(page(path, pageTitle, intro, null, false, section), title, intro,
                            cards(slice, rootOf(path)), pager(pageNo, pageCount, pathOf), top))));
        }
    }

    /** The best ranked posts ({@code post_ranks}), best first; empty when nothing is ranked. */
    private List<Link> topPosts() {
        List<Link> top = new ArrayList<>(catalog.top().size());
        for (String id : catalog.top()) {
            Integer i = indexOf.get(id);
            if (i != null) {
                top.add(new Link(posts[i].href(), posts[i].entry().title()));
            }
        }
        return top;
    }

    /** The cards of the given posts for a page at {@code root}; each card is rendered once for all pages. */
    private List<Content> cards(List<Integer> slice, String root) {
        List<Content> out = new ArrayList<>(slice.size());
        for (int i : slice) {
            CardHtml html = cardHtml.get(i);
            if (html == null) {
                html = pages.card(posts[i].card());
                cardHtml.set(i, html);
            }
            out.add(html.at(root));
        }
        return out;
    }

    private static Pager pager(int p, int count, Function<Integer, String> pathOf) {
        List<PageNum> nums = new ArrayList<>();
        int last = 0;
        for (int k : new int[] {1, p - 2, p - 1, p, p + 1, p + 2, count}) {
            if (k < 1 || k > count || k <= last) {
                continue;
            }
            if (k > last + 1) {
                nums.add(new PageNum(null, "…", false));
            }
            nums.add(new PageNum(pathOf.apply(k), Integer.toString(k), k == p));
            last = k;
        }
        return new Pager(p > 1 ? pathOf.apply(p - 1) : null, p < count ? pathOf.apply(p + 1) : null, nums);
    }

    private void planTags() {
        int max = 0;
        for (List<Integer> m : byTag.values()) {
            max = Math.max(max, m.size());
        }
        List<TagRef> refs = new ArrayList<>();
        Fingerprint cloudFp = new Fingerprint().add(base).add("cloud");
        for (Map.Entry<String, List<Integer>> t : byTag.entrySet()) {
            String slug = tagSlug(t.getKey());
            int count = t.getValue().size();
            int level = max <= 1 ? 5 : (int) ((count - 1) / (double) (max - 1) * 9) + 1;
            refs.add(new TagRef("tags/" + slug + "/index.html", t.getKey(), level, count));
            cloudFp.add(t.getKey()).add(count);
            planListing("tag", "#" + t.getKey(), count + (count == 1 ? " post" : " posts") + " tagged "
                    + t.getKey() + ".", t.getValue(), p -> "tags/" + slug + "/" + (p == 1 ? "index" : p) + ".html",
                    "tags");
        }
        refs.sort(Comparator.comparingInt((TagRef r) -> -r.count()).thenComparing(TagRef::name));
        String path = "tags/index.html";
        sitemap.add(new String[] {path, null});
        outputs.add(new Output(path, cloudFp.hex(), Output.Kind.PAGE, null, in ->
                pages.tags(new TagCloud(page(path, "Tags", "All tags of " + settings.name(), null, false, "tags"),
                refs))));
    }

    private void planAuthors() {
        Map<String, List<Integer>> byAuthor = new TreeMap<>();
        for (int i = 0; i < posts.length; i++) {
            for (String id : posts[i].entry().authorIds()) {
                List<Integer> m = byAuthor.computeIfAbsent(id, k -> new ArrayList<>());
                if (m.isEmpty() || m.get(m.size() - 1) != i) {
                    m.add(i);
                }
            }
        }
        for (String id : catalog.profiles().keySet()) {
            byAuthor.computeIfAbsent(id, k -> new ArrayList<>());
        }
        List<AuthorRef> refs = new ArrayList<>();
        Fingerprint indexFp = new Fingerprint().add(base).add("authors");
        for (Map.Entry<String, List<Integer>> a : byAuthor.entrySet()) {
            String id = a.getKey();
            Author author = catalog.authors().get(id);
            Profile profile = catalog.profiles().get(id);
            if (author == null || author.optedOut()) {
                continue;
            }
            String name = author.displayName();
            String slug = authorSlug(id);
            List<Integer> members = a.getValue();
            refs.add(new AuthorRef("authors/" + slug + "/index.html", name, members.size()));
            indexFp.add(slug).add(name).add(members.size());
            Function<Integer, String> pathOf = p -> "authors/" + slug + "/" + (p == 1 ? "index" : p) + ".html";
            int size = settings.pageSize();
            int pageCount = Math.max(1, (members.size() + size - 1) / size);
            // page 1: the profile and the newest posts; further pages: plain listings
            List<Integer> first = members.subList(0, Math.min(size, members.size()));
            Fingerprint fp = new Fingerprint().add(base).add("author").add(name).add(pageCount);
            if (profile != null) {
                fp.add(profile.toString());
            }
            first.forEach(i -> fp.add(posts[i].listHash()));
            String path = pathOf.apply(1);
            sitemap.add(new String[] {path, null});
            outputs.add(new Output(path, fp.hex(), Output.Kind.PAGE, null, in ->
                    pages.author(authorPage(path, name, profile, cards(first, rootOf(path)),
                            pager(1, pageCount, pathOf)))));
            if (members.size() > size) {
                planListingFrom(2, "author", name, members, pathOf, "authors", pageCount);
            }
        }
        refs.sort(Comparator.comparing(AuthorRef::name).thenComparing(AuthorRef::href));
        String path = "authors/index.html";
        sitemap.add(new String[] {path, null});
        outputs.add(new Output(path, indexFp.hex(), Output.Kind.PAGE, null, in ->
                pages.authors(new AuthorIndex(page(path, "Authors", "Everyone who wrote in " + settings.name(), null,
                        false, "authors"), refs))));
    }

    private void planListingFrom(int fromPage, String kind, String heading, List<Integer> members,
                                 Function<Integer, String> pathOf, String section, int pageCount) {
        int size = settings.pageSize();
        for (int p = fromPage; p <= pageCount; p++) {
            List<Integer> slice = members.subList((p - 1) * size, Math.min(members.size(), p * size));
            String path = pathOf.apply(p);
            int pageNo = p;
            Fingerprint fp = new Fingerprint().add(base).add(kind).add(heading).add(p).add(pageCount);
            slice.forEach(i -> fp.add(posts[i].listHash()));
            String title = heading + " (page " + p + ")";
            sitemap.add(new String[] {path, null});
            outputs.add(new Output(path, fp.hex(), Output.Kind.PAGE, null, in ->
                    pages.list(new ListPage(page(path, title, null, null, false, section), title, null, cards(slice,
                    rootOf(path)), pager(pageNo, pageCount, pathOf), null))));
        }
    }

    private AuthorPage authorPage(String path, String name, Profile profile, List<Content> first, Pager pager) {
        Page page = page(path, name, "Posts and profile of " + name, null, false, "authors");
        if (profile == null) {
            return new AuthorPage(page, name, null, 0, null, null, List.of(), List.of(), List.of(), first, pager);
        }
        int max = 1;
        for (int h : profile.hours()) {
            max = Math.max(max, h);
        }
        List<Integer> pct = new ArrayList<>();
        for (int h : profile.hours()) {
            pct.add(h * 100 / max);
        }
        return new AuthorPage(page, name, markdown.render(profile.bodyMarkdown()), profile.messageCount(),
                Dates.human(profile.firstTs()), Dates.human(profile.lastTs()), pct, profile.topWords(),
                profile.topEmoji(), first, pager);
    }

    private void planArchive() {
        Map<String, List<Integer>> byMonth = new TreeMap<>(Comparator.reverseOrder());
        for (int i = 0; i < posts.length; i++) {
            byMonth.computeIfAbsent(Dates.month(posts[i].entry().date()), k -> new ArrayList<>()).add(i);
        }
        List<MonthRef> months = new ArrayList<>();
        Fingerprint indexFp = new Fingerprint().add(base).add("archive");
        for (Map.Entry<String, List<Integer>> m : byMonth.entrySet()) {
            String label = Dates.monthLabel(posts[m.getValue().get(0)].entry().date());
            String path = "archive/" + m.getKey() + ".html";
            months.add(new MonthRef(path, label, m.getValue().size()));
            indexFp.add(path).add(m.getValue().size());
            List<Integer> members = m.getValue();
            Fingerprint fp = new Fingerprint().add(base).add("month").add(path);
            members.forEach(i -> fp.add(posts[i].listHash()));
            sitemap.add(new String[] {path, null});
            outputs.add(new Output(path, fp.hex(), Output.Kind.PAGE, null, in ->
                    pages.list(new ListPage(page(path, label, "Posts of " + label, null, false, "archive"), label,
                            members.size() + " posts.", cards(members, rootOf(path)), null, null))));
        }
        String path = "archive/index.html";
        sitemap.add(new String[] {path, null});
        outputs.add(new Output(path, indexFp.hex(), Output.Kind.PAGE, null, in ->
                pages.archive(new ArchiveIndex(page(path, "Archive", "All posts by month", null, false, "archive"),
                months))));
    }

    // ---- static pages, feeds, search, sitemap, assets --------------------------------------------------------

    private void planStaticPages() {
        int n = posts.length;
        String range = n == 0 ? "" : " from " + Dates.human(posts[n - 1].entry().date()) + " to "
                + Dates.human(posts[0].entry().date());
        long people = catalog.authors().values().stream().filter(a -> !a.optedOut()).count();
        String about = "<p>" + Html.escape(settings.description()) + "</p>\n<p>" + n + " posts" + Html.escape(range)
                + ", written by Egregora from the conversation of " + people + " people. Everyone appears under a"
                + " pseudonym or the alias they chose.</p>\n<p>Feeds: <a href=\"feed.xml\">RSS</a>, "
                + "<a href=\"atom.xml\">Atom</a>.</p>";
        text("about.html", "About", about, "about");
        text("404.html", "Page not found", "<p>There is nothing here. Try the <a href=\"/index.html\">latest posts"
                + "</a> or <a href=\"/search.html\">search</a>.</p>", null);
        text("search.html", "Search", "<form class=\"search\" role=\"search\" action=\"search.html\">"
                + "<label for=\"search-input\">Search titles, tags and text</label> "
                + "<input id=\"search-input\" name=\"q\" type=\"search\" autocomplete=\"off\"></form>"
                + "<p id=\"search-status\" role=\"status\"></p><ol id=\"search-results\"></ol>"
                + "<script src=\"search-index.js\"></script><script src=\"assets/search.js\"></script>", "search");
    }

    private void text(String path, String heading, String html, String section) {
        String hash = new Fingerprint().add(base).add("text").add(path).add(heading).add(html).hex();
        if (!path.equals("404.html") && !path.equals("search.html")) {
            sitemap.add(new String[] {path, null});
        }
        outputs.add(new Output(path, hash, Output.Kind.PAGE, null, in -> {
            Page page = page(path, heading, settings.description(), null, false, section);
            if (path.equals("404.html")) {
                page = new Page("/", path, page.title(), page.description(), page.siteName(), page.lang(), null,
                        null, page.customCss(), false, null);
            }
            return pages.text(new TextPage(page, heading, html));
        }));
    }

    private void planFeeds() {
        int n = Math.min(settings.feedSize(), posts.length);
        Fingerprint fp = new Fingerprint().add(base).add("feeds");
        for (int i = 0; i < n; i++) {
            fp.add(posts[i].listHash()).add(posts[i].entry().date().toString());
        }
        String hash = fp.hex();
        outputs.add(new Output("feed.xml", hash, Output.Kind.PAGE, null, in -> Feeds.rss(settings,
                items(n)).getBytes(StandardCharsets.UTF_8)));
        outputs.add(new Output("atom.xml", hash, Output.Kind.PAGE, null, in -> Feeds.atom(settings,
                items(n)).getBytes(StandardCharsets.UTF_8)));
    }

    private List<Feeds.Item> items(int n) {
        List<Feeds.Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Info p = posts[i];
            List<String> authors = new ArrayList<>();
            p.authors().forEach(a -> authors.add(a.label()));
            items.add(new Feeds.Item(settings.baseUrl() + p.href(), p.entry().title(), p.entry().summary(),
                    p.entry().date(), p.entry().tags(), authors));
        }
        return items;
    }

    private void planSearch() {
        Fingerprint fp = new Fingerprint().add(base).add("search");
        for (Info p : posts) {
            fp.add(p.listHash()).add(p.entry().contentHash());
        }
        outputs.add(new Output("search-index.js", fp.hex(), Output.Kind.SEARCH_INDEX, null, in -> {
            // one JSON row per post (UTF-8), made in parallel, reused from earlier builds while what it shows is
            // unchanged; the file is one array of exactly the rows' length
            Map<String, BuildCache.SearchRow> rows = cache.searchRows;
            byte[][] json = new byte[posts.length][];
            IntStream.range(0, posts.length).parallel().forEach(i -> json[i] = searchRow(posts[i], rows, in));
            if (rows.size() > posts.length) {
                Set<String> live = new HashSet<>();
                for (Info p : posts) {
                    live.add(p.entry().id());
                }
                rows.keySet().retainAll(live);
            }
            byte[] head = "window.EGREGORA_SEARCH={\"v\":1,\"docs\":[".getBytes(StandardCharsets.UTF_8);
            byte[] sep = ",\n".getBytes(StandardCharsets.UTF_8);
            byte[] tail = "]};\n".getBytes(StandardCharsets.UTF_8);
            int length = head.length + tail.length + Math.max(0, json.length - 1) * sep.length;
            for (byte[] row : json) {
                length += row.length;
            }
            byte[] file = new byte[length];
            System.arraycopy(head, 0, file, 0, head.length);
            int at = head.length;
            for (int i = 0; i < json.length; i++) {
                if (i > 0) {
                    System.arraycopy(sep, 0, file, at, sep.length);
                    at += sep.length;
                }
                System.arraycopy(json[i], 0, file, at, json[i].length);
                at += json[i].length;
            }
            System.arraycopy(tail, 0, file, at, tail.length);
            return file;
        }));
    }

    /** A post's search index row {@code [href, title, date, tags, terms]}, from the cache while still valid. */
    private static byte[] searchRow(Info p, Map<String, BuildCache.SearchRow> rows, Output.Inputs in) {
        // terms are a function of the post's content: its hash stands for them
        long key = new Fingerprint().add(p.listHash()).add(p.entry().contentHash()).low();
        BuildCache.SearchRow row = rows.get(p.entry().id());
        if (row == null || row.key() != key) {
            String terms = in.searchTerms().getOrDefault(p.entry().id(), "");
            StringBuilder sb = new StringBuilder(64 + p.href().length() + p.entry().title().length() + terms.length())
                    .append('[');
            Html.jsonString(sb, p.href()).append(',');
            Html.jsonString(sb, p.entry().title()).append(',');
            Html.jsonString(sb, p.card().isoDate()).append(',');
            Html.jsonString(sb, String.join(" ", p.entry().tags())).append(',');
            Html.jsonString(sb, terms).append(']');
            row = new BuildCache.SearchRow(key, sb.toString().getBytes(StandardCharsets.UTF_8));
            rows.put(p.entry().id(), row);
        }
        return row.json();
    }

    private void planSitemap() {
        Fingerprint fp = new Fingerprint().add(base).add("sitemap");
        for (String[] s : sitemap) {
            fp.add(s[0]).add(s[1]);
        }
        List<String[]> urls = List.copyOf(sitemap);
        outputs.add(new Output("sitemap.xml", fp.hex(), Output.Kind.PAGE, null, in -> {
            StringBuilder sb = new StringBuilder(urls.size() * 90 + 200);
            sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                    .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            for (String[] u : urls) {
                sb.append("<url><loc>");
                Html.escapeTo(sb, settings.baseUrl() + u[0]);
                sb.append("</loc>");
                if (u[1] != null) {
                    sb.append("<lastmod>").append(u[1]).append("</lastmod>");
                }
                sb.append("</url>\n");
            }
            sb.append("</urlset>\n");
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }));
        String robots = "User-agent: *\nAllow: /\nSitemap: " + settings.baseUrl() + "sitemap.xml\n";
        outputs.add(new Output("robots.txt", new Fingerprint().add(robots).hex(), Output.Kind.ASSET, null,
                in -> robots.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * {@code updated.js}: the "last updated" date of each dated page, which pages show through
     * {@code assets/theme.js}. One file changes when dates move, not every dated page.
     */
    private void planUpdated() {
        if (updated.isEmpty()) {
            return;
        }
        Map<String, Instant> sorted = new TreeMap<>(updated);
        StringBuilder sb = new StringBuilder(sorted.size() * 64 + 32).append("window.EGREGORA_UPDATED={");
        String sep = "";
        for (Map.Entry<String, Instant> e : sorted.entrySet()) {
            sb.append(sep);
            Html.jsonString(sb, e.getKey()).append(":[");
            Html.jsonString(sb, e.getValue().toString()).append(',');
            Html.jsonString(sb, Dates.human(e.getValue())).append(']');
            sep = ",\n";
        }
        String js = sb.append("};\n").toString();
        outputs.add(new Output("updated.js", new Fingerprint().add(js).hex(), Output.Kind.ASSET, null,
                in -> js.getBytes(StandardCharsets.UTF_8)));
    }

    private void planAssets() {
        for (String name : new String[] {"style.css", "theme.js", "search.js"}) {
            byte[] bytes = PageRenderer.asset(name);
            outputs.add(new Output("assets/" + name, new Fingerprint().add(new String(bytes,
                    StandardCharsets.ISO_8859_1)).hex(), Output.Kind.ASSET, null, in -> bytes));
        }
        if (customCss != null) {
            byte[] bytes = customCss.getBytes(StandardCharsets.UTF_8);
            outputs.add(new Output("assets/custom.css", new Fingerprint().add(customCss).hex(), Output.Kind.ASSET,
                    null, in -> bytes));
        }
        Map<String, MediaItem> used = new LinkedHashMap<>();
        for (Info p : posts) {
            for (String id : p.entry().mediaIds()) {
                MediaItem m = catalog.media().get(id);
                if (m != null && safeMediaPath(m.relPath()) != null) {
                    used.putIfAbsent(safeMediaPath(m.relPath()), m);
                }
            }
        }
        for (Map.Entry<String, MediaItem> u : used.entrySet()) {
            Path source = site.resolve(u.getValue().relPath()).normalize();
            if (!source.startsWith(site) || !Files.isRegularFile(source)) {
                continue;
            }
            outputs.add(new Output(u.getKey(), new Fingerprint().add(u.getValue().id()).add(u.getValue().bytes())
                    .hex(), Output.Kind.MEDIA, null, in -> {
                        try {
                            return Files.readAllBytes(source);
                        } catch (java.io.IOException e) {
                            throw new dev.egregora.core.EgregoraException("cannot read media " + source + ": "
                                    + e.getMessage(), e);
                        }
                    }));
        }
    }

    private static String rootOf(String path) {
        int depth = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                depth++;
            }
        }
        return "../".repeat(depth);
    }

    private Page page(String path, String title, String description, String ogImage, boolean dated,
                      String section) {
        String fullTitle = title.equals(settings.name()) ? title : title + " · " + settings.name();
        return new Page(rootOf(path), path, fullTitle, description == null ? settings.description()
                : description, settings.name(), settings.language(), ogImage, settings.baseUrl() + path,
                customCss != null, dated, section);
    }
}
