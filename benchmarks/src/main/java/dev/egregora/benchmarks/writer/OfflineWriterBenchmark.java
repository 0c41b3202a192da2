package dev.egregora.benchmarks.writer;

import dev.egregora.core.model.Author;
import dev.egregora.core.model.Message;
import dev.egregora.core.model.MessageKind;
import dev.egregora.core.model.Post;
import dev.egregora.core.model.Profile;
import dev.egregora.core.model.Window;
import dev.egregora.core.model.WindowContent;
import dev.egregora.writer.offline.OfflineWriter;
import dev.egregora.writer.profile.OfflineProfileWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Offline writer throughput (posts per second, one thread) on synthetic windows of {@code size} messages drawn
 * from a 10-author chat with a 2,000-word Zipf-like vocabulary, links and emoji; plus {@code prepare} (TF-IDF over
 * the whole chat of {@code windows x size} messages) and one author's profile.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar 'dev.egregora.benchmarks.writer.*' -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OfflineWriterBenchmark {
    @Param({"100"})
    public int windows;

    /** Messages per window. */
    @Param({"100", "1000"})
    public int size;

    private final OfflineWriter writer = new OfflineWriter();
    private final OfflineProfileWriter profiles = new OfflineProfileWriter();
    private List<Message> chat;
    private List<WindowContent> contents;
    private List<Post> posts;
    private Author author;
    private List<Message> authorMessages;
    private int next;

    @Setup(Level.Trial)
    public void generate() {
        SplittableRandom random = new SplittableRandom(7);
        String[] vocabulary = new String[2000];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = syllables(random, 2 + random.nextInt(3));
        }
        String[] glue = {"the", "and", "we", "to", "is", "a", "of", "in", "it", "you"};
        String[] emoji = {"😂", "👍🏽", "❤️", "🎉", "🙏"};
        Map<String, Author> authors = new HashMap<>();
        for (int a = 0; a < 10; a++) {
            Author au = new Author("author-" + a, "Pseudonym " + a, a == 3 ? "Alias" : null, false);
            authors.put(au.id(), au);
        }
        author = authors.get("author-1");
        chat = new ArrayList<>();
        Instant t = Instant.parse("2025-01-01T08:00:00Z");
        int total = windows * size;
        for (int i = 0; i < total; i++) {
            t = t.plusSeconds(random.nextInt(300));
            StringBuilder text = new StringBuilder();
            int words = 3 + random.nextInt(25);
            for (int w = 0; w < words; w++) {
                int rank = (int) Math.min(vocabulary.length - 1, Math.floor(Math.exp(random.nextDouble() * 7.6)));
                text.append(w % 3 == 1 ? glue[random.nextInt(glue.length)] : vocabulary[rank]).append(' ');
            }
            if (random.nextInt(20) == 0) {
                text.append("https://example.com/").append(vocabulary[random.nextInt(100)]).append(' ');
            }
            if (random.nextInt(5) == 0) {
                text.append(emoji[random.nextInt(emoji.length)]);
            }
            chat.add(new Message("m" + i, "chat", t, i, "author-" + random.nextInt(10), MessageKind.USER,
                    text.toString().strip(), null, null));
        }
        writer.prepare(chat);
        contents = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            List<Message> slice = chat.subList(w * size, (w + 1) * size);
            Window window = new Window("chat:" + w, "chat", w, (long) w * size, (long) (w + 1) * size,
                    slice.get(0).ts(), slice.get(size - 1).ts(), size, 0, "sig" + w);
            contents.add(new WindowContent(window, slice, authors, Map.of()));
        }
        posts = contents.stream().map(writer::write).toList();
        authorMessages = chat.stream().filter(m -> m.authorId().equals(author.id())).toList();
    }

    private static String syllables(SplittableRandom random, int n) {
        String[] s = {"ka", "lo", "mi", "ra", "te", "su", "no", "vi", "de", "ga", "po", "lu", "sa", "ne", "ri"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(s[random.nextInt(s.length)]);
        }
        return sb.toString();
    }

    /** One post per call: the reported ops/s is posts/s. */
    @Benchmark
    public Post writePost() {
        WindowContent c = contents.get(next);
        next = (next + 1) % contents.size();
        return writer.write(c);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public OfflineWriter prepareChat() {
        OfflineWriter w = new OfflineWriter();
        w.prepare(chat);
        return w;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Profile profile() {
        return profiles.write(author, authorMessages, posts);
    }
}
