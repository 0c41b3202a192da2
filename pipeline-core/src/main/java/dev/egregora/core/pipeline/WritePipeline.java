package dev.egregora.core.pipeline;

import com.google.inject.Inject;
import dev.egregora.core.EgregoraException;
import dev.egregora.core.model.Author;
import dev.egregora.core.model.MediaItem;
import dev.egregora.core.model.Message;
import dev.egregora.core.model.Post;
import dev.egregora.core.model.Profile;
import dev.egregora.core.model.Window;
import dev.egregora.core.model.WindowContent;
import dev.egregora.core.port.InputAdapter;
import dev.egregora.core.port.PostStage;
import dev.egregora.core.port.PostWriter;
import dev.egregora.core.port.ProfileWriter;
import dev.egregora.core.port.SiteRenderer;
import dev.egregora.core.port.Windower;
import dev.egregora.core.store.ChatStore;
import dev.egregora.core.store.JournalStore;
import dev.egregora.core.store.PostStore;
import dev.egregora.core.store.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import java.util.function.Supplier;

/**
 * {@code egregora write}: ingest, windows, posts, profiles, site. Each stage reads from and writes to the workspace
 * in its own transactions, so a killed run loses at most the batch of posts in flight and a re-run does only what is
 * not done: a window is skipped when the journal holds its current signature as done and its post exists.
 *
 * <p>Writers run in parallel on a bounded pool; results are committed in window order, in batches. A failing window
 * is recorded as failed and retried on the next run; it does not stop the others. Thread-safe only in the sense that
 * one instance may serve successive runs.
 */
public final class WritePipeline {
    private static final Logger LOG = LoggerFactory.getLogger(WritePipeline.class);
    /**
     * Posts committed per transaction, at most: each commit costs ~15 ms of DuckDB work whatever its size (1,000-post
     * measurement: batches of 64 took 2.3x the CPU of batches of 256).
     */
    static final int COMMIT_BATCH = 256;
    /** A slow writer (a model) still commits at least this often, so a killed run loses little work. */
    static final long COMMIT_INTERVAL_NANOS = 2_000_000_000L;

    private final InputAdapter input;
    private final Windower windower;
    private final PostWriter writer;
    private final ProfileWriter profileWriter;
    private final SiteRenderer renderer;
    private final Clock clock;
    private final List<PostStage> postStages;

    public WritePipeline(InputAdapter input, Windower windower, PostWriter writer, ProfileWriter profileWriter,
                         SiteRenderer renderer, Clock clock) {
        this(input, windower, writer, profileWriter, renderer, clock, Set.of());
    }

    /** {@code postStages}: run after the profiles stage, in the order of their names. */
    @Inject
    public WritePipeline(InputAdapter input, Windower windower, PostWriter writer, ProfileWriter profileWriter,
                         SiteRenderer renderer, Clock clock, Set<PostStage> postStages) {
        this.input = Objects.requireNonNull(input, "input");
        this.windower = Objects.requireNonNull(windower, "windower");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.profileWriter = Objects.requireNonNull(profileWriter, "profileWriter");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.postStages = postStages.stream().sorted(Comparator.comparing(PostStage::name)).toList();
    }

    public WriteReport run(Workspace workspace, WriteRequest request, Progress progress) {
        long t0 = System.nanoTime();
        String runId = UUID.randomUUID().toString();
        JournalStore journal = new JournalStore(workspace);
        journal.startRun(runId, "write", clock.instant());
        List<StageTiming> timings = new ArrayList<>();
        try {
            InputAdapter.IngestSummary ingest = null;
            if (request.ingest() != null) {
                ingest = timed(timings, "ingest", progress, -1, () -> input.ingest(workspace, request.ingest()),
                        s -> s.messagesRead());
            }
            Windower.Spec spec = withFingerprint(request.windowing(), request.publishRealNames());
            List<Window> windows = timed(timings, "windows", progress, -1,
                    () -> windower.computeWindows(workspace, spec), w -> w.size());
            PostStore posts = new PostStore(workspace);
            WriteOutcome written = timed(timings, "write", progress, windows.size(),
                    () -> writePosts(workspace, posts, journal, request, runId, progress), WriteOutcome::written);
            int profiles = timed(timings, "profiles", progress, -1,
                    () -> writeProfiles(workspace, posts, request, written.loaded()), n -> n);
            written.loaded().clear(); // the messages are not needed after profiles: free them before the build
            for (PostStage stage : postStages) {
                timed(timings, stage.name(), progress, -1, () -> stage.run(workspace), n -> n);
            }
            SiteRenderer.BuildSummary build = null;
            if (request.build() != null) {
                build = timed(timings, "build", progress, -1, () -> renderer.build(workspace, request.build()),
                        b -> b.pagesWritten() + b.pagesUnchanged());
            }
            Duration total = Duration.ofNanos(System.nanoTime() - t0);
            Duration staged = timings.stream().map(StageTiming::elapsed).reduce(Duration.ZERO, Duration::plus);
            WriteReport report = new WriteReport(runId, ingest, windows.size(), written.written(),
                    written.skipped(), written.failures(), written.removed(), profiles, build, timings, total,
                    total.minus(staged));
            journal.finishRun(runId, report.failures().isEmpty(), report.written() + " written, "
                    + report.skipped() + " skipped, " + report.failures().size() + " failed", clock.instant());
            return report;
        } catch (RuntimeException e) {
            try {
                journal.finishRun(runId, false, e instanceof EgregoraException ? e.getMessage() : e.toString(),
                        clock.instant());
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The writer's settings plus the one pipeline switch that changes what a writer sees: real names. */
    private Windower.Spec withFingerprint(Windower.Spec s, boolean publishRealNames) {
        String fingerprint = writer.fingerprint() + (publishRealNames ? ";names=real" : "");
        return new Windower.Spec(s.unit(), s.size(), s.overlap(), s.maxWindowTime(), s.gap(), fingerprint);
    }

    /** {@code loaded}: the publishable messages of the chats this stage read, kept for the profiles stage. */
    private record WriteOutcome(int written, int skipped, List<WriteReport.Failure> failures, long removed,
                                Map<String, List<Message>> loaded) {
    }

    private WriteOutcome writePosts(Workspace workspace, PostStore posts, JournalStore journal, WriteRequest request,
                                    String runId, Progress progress) {
        ChatStore chats = new ChatStore(workspace);
        long removed = posts.removeOrphans();
        writer.open(workspace);
        Map<String, JournalStore.Entry> entries = journal.entries();
        Set<String> stored = Set.copyOf(posts.postIds());
        PostSlugs slugs = new PostSlugs(posts.slugs());
        Map<String, Author> authors = null;
        Map<String, MediaItem> media = null;
        Map<String, List<Message>> loaded = new HashMap<>();
        int written = 0;
        int skipped = 0;
        List<WriteReport.Failure> failures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(request.threads(), r -> {
            Thread t = new Thread(r, "egregora-writer");
            t.setDaemon(true);
            return t;
        });
        try {
            for (String chatId : chats.chatIds()) {
                List<Window> pending = new ArrayList<>();
                for (Window w : chats.windows(chatId)) {
                    JournalStore.Entry e = entries.get(w.id());
                    if (e != null && e.done() && e.signature().equals(w.signature()) && stored.contains(w.id())) {
                        skipped++;
                        progress.advance(1);
                    } else {
                        pending.add(w);
                    }
                }
                if (pending.isEmpty()) {
                    continue;
                }
                if (authors == null) {
                    authors = chats.authors(request.publishRealNames());
                    media = chats.media();
                }
                List<Message> messages = chats.publishableMessages(chatId);
                loaded.put(chatId, messages);
                writer.prepare(messages);
                Batch batch = writeInOrder(pool, pending, messages, authors, media, entries, slugs, posts, runId,
                        progress, request.threads());
                written += batch.written;
                failures.addAll(batch.failures);
            }
        } finally {
            pool.shutdownNow();
        }
        return new WriteOutcome(written, skipped, failures, removed, loaded);
    }

    private static final class Batch {
        int written;
        final List<WriteReport.Failure> failures = new ArrayList<>();
    }

    private Batch writeInOrder(ExecutorService pool, List<Window> pending, List<Message> messages,
                               Map<String, Author> authors, Map<String, MediaItem> media,
                               Map<String, JournalStore.Entry> entries, PostSlugs slugs, PostStore posts,
                               String runId, Progress progress, int threads) {
        Batch result = new Batch();
        Deque<Future<Post>> inFlight = new ArrayDeque<>();
        Deque<Window> inFlightWindows = new ArrayDeque<>();
        List<Post> toCommit = new ArrayList<>();
        List<JournalStore.Outcome> outcomes = new ArrayList<>();
        int next = 0;
        int maxInFlight = Math.max(threads * 4, COMMIT_BATCH);
        long lastCommit = System.nanoTime();
        while (next < pending.size() || !inFlight.isEmpty()) {
            while (next < pending.size() && inFlight.size() < maxInFlight) {
                Window w = pending.get(next++);
                WindowContent content = content(w, messages, authors, media);
                inFlight.add(pool.submit(() -> writer.write(content)));
                inFlightWindows.add(w);
            }
            Window w = inFlightWindows.poll();
            Future<Post> f = inFlight.poll();
            int attempts = entries.containsKey(w.id()) && !entries.get(w.id()).done()
                    ? entries.get(w.id()).attempts() + 1 : 1;
            try {
                Post post = slugs.claim(f.get(), w);
                toCommit.add(post);
                long[] tokens = writer.tokens(w.id());
                outcomes.add(new JournalStore.Outcome(w.id(), w.signature(), attempts, null, tokens[0], tokens[1]));
                result.written++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EgregoraException("interrupted while writing window " + w.id(), e);
            } catch (ExecutionException e) {
                String error = oneLine(e.getCause());
                LOG.warn("window {} failed: {}", w.id(), error);
                long[] tokens = writer.tokens(w.id());
                outcomes.add(new JournalStore.Outcome(w.id(), w.signature(), attempts, error, tokens[0], tokens[1]));
                result.failures.add(new WriteReport.Failure(w.id(), error));
            }
            progress.advance(1);
            if (outcomes.size() >= COMMIT_BATCH || inFlight.isEmpty()
                    || System.nanoTime() - lastCommit > COMMIT_INTERVAL_NANOS) {
                posts.commit(toCommit, outcomes, runId, clock.instant());
                writer.committed(List.copyOf(toCommit));
                lastCommit = System.nanoTime();
                toCommit.clear();
                outcomes.clear();
            }
        }
        return result;
    }

    /** The window's messages, with only the authors and media they reference. */
    static WindowContent content(Window w, List<Message> messages, Map<String, Author> authors,
                                 Map<String, MediaItem> media) {
        List<Message> slice = messages.subList((int) w.firstPos(), (int) Math.min(w.endPos(), messages.size()));
        Map<String, Author> who = new LinkedHashMap<>();
        Map<String, MediaItem> files = new LinkedHashMap<>();
        for (Message m : slice) {
            Author a = authors.get(m.authorId());
            if (a != null) {
                who.putIfAbsent(a.id(), a);
            }
            if (m.mediaId() != null && media.containsKey(m.mediaId())) {
                files.putIfAbsent(m.mediaId(), media.get(m.mediaId()));
            }
        }
        return new WindowContent(w, slice, who, files);
    }

    /** Profiles from every chat's messages; chats the write stage already read are not queried again. */
    private int writeProfiles(Workspace workspace, PostStore posts, WriteRequest request,
                              Map<String, List<Message>> loaded) {
        ChatStore chats = new ChatStore(workspace);
        Map<String, Author> authors = chats.authors(request.publishRealNames());
        Map<String, List<Message>> byAuthor = new HashMap<>();
        for (String chatId : chats.chatIds()) {
            List<Message> messages = loaded.containsKey(chatId) ? loaded.get(chatId)
                    : chats.publishableMessages(chatId);
            for (Message m : messages) {
                byAuthor.computeIfAbsent(m.authorId(), k -> new ArrayList<>()).add(m);
            }
        }
        List<Post> allPosts = posts.posts();
        Map<String, List<Post>> postsByAuthor = new HashMap<>();
        for (Post p : allPosts) {
            for (String a : p.authorIds()) {
                postsByAuthor.computeIfAbsent(a, k -> new ArrayList<>()).add(p);
            }
        }
        List<Profile> profiles = byAuthor.entrySet().stream()
                .filter(e -> authors.containsKey(e.getKey()) && !authors.get(e.getKey()).optedOut())
                .sorted(Map.Entry.comparingByKey())
                .parallel()
                .map(e -> profileWriter.write(authors.get(e.getKey()), e.getValue(),
                        postsByAuthor.getOrDefault(e.getKey(), List.of())))
                .sorted(Comparator.comparing(Profile::authorId))
                .toList();
        posts.replaceProfiles(profiles);
        return profiles.size();
    }

    private static <T> T timed(List<StageTiming> timings, String stage, Progress progress, long total,
                               Supplier<T> work, java.util.function.ToLongFunction<T> items) {
        progress.start(stage, total);
        long t = System.nanoTime();
        T result = work.get();
        timings.add(new StageTiming(stage, Duration.ofNanos(System.nanoTime() - t), items.applyAsLong(result)));
        progress.finish();
        return result;
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

}
