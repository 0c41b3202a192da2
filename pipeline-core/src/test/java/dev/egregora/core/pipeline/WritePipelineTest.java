package dev.egregora.core.pipeline;

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
import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The orchestrator against a real DuckDB workspace. The ports' real implementations live in sibling modules that
 * core cannot see; here they are minimal stand-ins whose behaviour the test controls (the end-to-end run with the
 * real modules is in the cli module's tests).
 */
class WritePipelineTest {
    @TempDir
    Path site;
    Workspace ws;
    final CountingWriter writer = new CountingWriter();

    @BeforeEach
    void open() {
        ws = Workspace.open(site, CoreSchema.migrations());
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void aSecondRunDoesNoWorkAndALaterExportWritesOnlyNewWindows() throws Exception {
        addMessages("chat", 0, 25, "ana");
        WriteReport first = pipeline().run(ws, request(10), Progress.NONE);
        assertThat(first.windows()).isEqualTo(3);
        assertThat(first.written()).isEqualTo(3);
        assertThat(postCount()).isEqualTo(3);

        writer.calls.clear();
        WriteReport second = pipeline().run(ws, request(10), Progress.NONE);
        assertThat(second.written()).isZero();
        assertThat(second.skipped()).isEqualTo(3);
        assertThat(writer.calls).isEmpty();

        // a later export adds messages 25..44: window 2 changes (it had 5 messages), windows 3 and 4 are new
        addMessages("chat", 25, 45, "ana");
        WriteReport third = pipeline().run(ws, request(10), Progress.NONE);
        assertThat(writer.calls).containsExactlyInAnyOrder("chat:2", "chat:3", "chat:4");
        assertThat(third.skipped()).isEqualTo(2);
        assertThat(postCount()).isEqualTo(5);
    }

    @Test
    void aFailingWindowIsRecordedAndRetriedWithoutStoppingTheOthers() throws Exception {
        addMessages("chat", 0, 40, "ana");
        writer.failing.add("chat:1");
        WriteReport first = pipeline().run(ws, request(10), Progress.NONE);
        assertThat(first.written()).isEqualTo(3);
        assertThat(first.failures()).extracting(WriteReport.Failure::windowId).containsExactly("chat:1");
        assertThat(first.failures().get(0).error()).isEqualTo("model unavailable");
        assertThat(postCount()).isEqualTo(3);

        writer.failing.clear();
        writer.calls.clear();
        WriteReport second = pipeline().run(ws, request(10), Progress.NONE);
        assertThat(writer.calls).containsExactly("chat:1");
        assertThat(second.failures()).isEmpty();
        assertThat(postCount()).isEqualTo(4);
        assertThat(query("SELECT attempts FROM window_journal WHERE window_id = 'chat:1'")).isEqualTo("2");
    }

    @Test
    void changingTheWriterSettingsRewritesEveryWindow() throws Exception {
        addMessages("chat", 0, 30, "ana");
        pipeline().run(ws, request(10), Progress.NONE);
        writer.calls.clear();
        writer.fingerprint = "offline-v2";
        WriteReport again = pipeline().run(ws, request(10), Progress.NONE);
        assertThat(again.written()).isEqualTo(3);
        assertThat(writer.calls).hasSize(3);
        assertThat(postCount()).isEqualTo(3);
    }

    @Test
    void collidingSlugsGetAStableSuffixAndKeepItOnReRuns() throws Exception {
        addMessages("chat", 0, 30, "ana");
        writer.slug = w -> "same-title";
        pipeline().run(ws, request(10), Progress.NONE);
        List<String> slugs = slugs();
        assertThat(slugs).containsExactly("same-title", "same-title-2", "same-title-3");
        writer.fingerprint = "v2";
        pipeline().run(ws, request(10), Progress.NONE);
        assertThat(slugs()).isEqualTo(slugs);
    }

    @Test
    void optedOutAuthorsNeverReachTheWriterOrProfiles() throws Exception {
        addMessages("chat", 0, 10, "ana");
        addMessages("chat", 10, 20, "bob");
        ws.execute("UPDATE authors SET opted_out = true WHERE id = 'bob'");
        pipeline().run(ws, request(100), Progress.NONE);
        assertThat(writer.authorsSeen).containsExactly("ana");
        assertThat(query("SELECT string_agg(author_id, ',') FROM profiles")).isEqualTo("ana");
    }

    @Test
    void windowsWrittenInParallelAreCommittedInWindowOrder() throws Exception {
        addMessages("chat", 0, 400, "ana");
        WriteReport r = pipeline().run(ws, new WriteRequest(null, spec(5), null, 4, false), Progress.NONE);
        assertThat(r.written()).isEqualTo(80);
        assertThat(query("SELECT count(*) FROM window_journal WHERE status = 'done'")).isEqualTo("80");
        assertThat(query("SELECT sum(tokens_in) || '/' || sum(tokens_out) FROM window_journal")).isEqualTo("560/240");
        assertThat(r.timings()).extracting(StageTiming::stage).containsExactly("windows", "write", "profiles");
        assertThat(r.overhead()).isLessThan(r.total());
    }

    private WritePipeline pipeline() {
        return new WritePipeline(new NoInput(), new FixedSizeWindower(), writer, new CountingProfiles(),
                new NoRenderer(), Clock.systemUTC());
    }

    private static Windower.Spec spec(long size) {
        return new Windower.Spec(Windower.Unit.MESSAGES, size, 0, null, Duration.ofHours(6), "");
    }

    private static WriteRequest request(long size) {
        return new WriteRequest(null, spec(size), null, 2, false);
    }

    private void addMessages(String chat, int from, int to, String author) throws Exception {
        ws.execute("INSERT INTO authors (id, chat_id, pseudonym, real_name) SELECT '" + author + "', '" + chat
                + "', 'P-" + author + "', 'Real " + author + "' WHERE NOT EXISTS (SELECT 1 FROM authors WHERE id = '"
                + author + "')");
        try (PreparedStatement ps = ws.connection().prepareStatement("INSERT INTO messages (id, chat_id, ts, seq, "
                + "author_id, kind, text, text_bytes, source_line) VALUES (?, ?, ?, ?, ?, 'user', ?, ?, ?)")) {
            for (int i = from; i < to; i++) {
                ps.setString(1, chat + "-" + i);
                ps.setString(2, chat);
                ps.setObject(3, java.time.LocalDateTime.of(2025, 1, 1, 0, 0).plusMinutes(i));
                ps.setLong(4, i);
                ps.setString(5, author);
                ps.setString(6, "message " + i);
                ps.setInt(7, ("message " + i).length());
                ps.setLong(8, i + 1);
                ps.executeUpdate();
            }
        }
    }

    @Test
    void postStagesRunAfterProfilesInNameOrderAndTheWriterSeesEachCommittedBatch() throws Exception {
        int windows = WritePipeline.COMMIT_BATCH + 6;
        addMessages("chat", 0, windows * 10, "ana");
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        Set<PostStage> stages = Set.of(stage("rank", ran), stage("related", ran));
        WritePipeline p = new WritePipeline(new NoInput(), new FixedSizeWindower(), writer, new CountingProfiles(),
                new NoRenderer(), Clock.systemUTC(), stages);
        WriteReport r = p.run(ws, request(10), Progress.NONE);
        assertThat(ran).containsExactly("rank:" + windows, "related:" + windows);
        assertThat(r.timings()).extracting(StageTiming::stage)
                .containsExactly("windows", "write", "profiles", "rank", "related");
        assertThat(writer.opened).isSameAs(ws);
        // more windows than one batch holds: at least two batches (more if a slow machine hits the commit interval),
        // none over COMMIT_BATCH, each reported after it is in the table
        assertThat(writer.committedBatches).hasSizeGreaterThanOrEqualTo(2)
                .allMatch(n -> n <= WritePipeline.COMMIT_BATCH);
        assertThat(writer.committedBatches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(windows);
    }

    /** A stage that records its name and how many posts it found committed when it ran. */
    private static PostStage stage(String name, List<String> ran) {
        return new PostStage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long run(Workspace w) {
                long n = w.inTransaction(c -> {
                    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                            "SELECT count(*) FROM posts p JOIN profiles f ON list_contains(f.post_ids, p.id)")) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
                ran.add(name + ":" + n);
                return n;
            }
        };
    }

    private long postCount() throws Exception {
        return Long.parseLong(query("SELECT count(*) FROM posts"));
    }

    private List<String> slugs() throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = ws.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT slug FROM posts ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private String query(String sql) throws Exception {
        try (Statement st = ws.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Windows of {@code size} messages over the publishable messages, written with one INSERT ... SELECT. */
    static final class FixedSizeWindower implements Windower {
        @Override
        public List<Window> computeWindows(Workspace w, Spec spec) {
            w.execute("DELETE FROM windows");
            w.execute("INSERT INTO windows SELECT chat_id || ':' || (pos // " + spec.size() + "), chat_id, pos // "
                    + spec.size() + ", min(pos), max(pos) + 1, arg_min(id, pos), arg_max(id, pos), min(ts), max(ts), "
                    + "count(*), sum(text_bytes), md5(string_agg(id || text, '|' ORDER BY pos) || '"
                    + spec.writerFingerprint() + "') FROM (SELECT m.*, row_number() OVER (PARTITION BY m.chat_id "
                    + "ORDER BY ts, seq, m.id) - 1 AS pos FROM messages m JOIN authors a ON a.id = m.author_id "
                    + "WHERE kind = 'user' AND NOT a.opted_out) GROUP BY chat_id, pos // " + spec.size());
            return new dev.egregora.core.store.ChatStore(w).windows("chat");
        }
    }

    static final class CountingWriter implements PostWriter {
        final Set<String> calls = ConcurrentHashMap.newKeySet();
        final Set<String> failing = ConcurrentHashMap.newKeySet();
        final Set<String> authorsSeen = ConcurrentHashMap.newKeySet();
        volatile String fingerprint = "offline-v1";
        volatile java.util.function.Function<Window, String> slug = w -> "post-" + w.index();
        final List<Integer> committedBatches = Collections.synchronizedList(new ArrayList<>());
        volatile Workspace opened;

        @Override
        public void open(Workspace workspace) {
            opened = workspace;
        }

        @Override
        public void committed(List<Post> posts) {
            long inTable = opened.inTransaction(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                        "SELECT count(*) FROM posts")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(inTable).isGreaterThanOrEqualTo(posts.size());
            committedBatches.add(posts.size());
        }

        @Override
        public Post write(WindowContent c) {
            calls.add(c.window().id());
            c.messages().forEach(m -> authorsSeen.add(m.authorId()));
            if (failing.contains(c.window().id())) {
                throw new IllegalStateException("model unavailable");
            }
            return new Post(c.window().id(), slug.apply(c.window()), c.window().signature(), "T", "S",
                    c.window().start(), c.window().end(), List.of("t"), List.copyOf(c.authors().keySet()), List.of(),
                    "en", "body of " + c.messages().size(), "counting");
        }

        @Override
        public String fingerprint() {
            return fingerprint;
        }

        @Override
        public long[] tokens(String windowId) {
            return new long[] {7, 3};
        }
    }

    static final class CountingProfiles implements ProfileWriter {
        @Override
        public Profile write(dev.egregora.core.model.Author a, List<Message> messages, List<Post> posts) {
            Instant first = messages.get(0).ts();
            Instant last = messages.get(messages.size() - 1).ts();
            return new Profile(a.id(), a.pseudonym(), messages.size(), first, last, Collections.nCopies(24, 0),
                    List.of(), List.of(), posts.stream().map(Post::id).toList(), "");
        }
    }

    static final class NoInput implements InputAdapter {
        @Override
        public IngestSummary ingest(Workspace w, Request r) {
            return new IngestSummary("chat", 0, 0, 0, 0, 0, 0, Map.of(), r.zone(), r.dateOrder());
        }
    }

    static final class NoRenderer implements SiteRenderer {
        @Override
        public BuildSummary build(Workspace w, Request r) {
            return new BuildSummary(r.output(), 0, 0, 0, 0, 0);
        }
    }
}
