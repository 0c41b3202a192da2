package dev.egregora.site.sample;

import dev.egregora.core.model.Author;
import dev.egregora.core.model.Ids;
import dev.egregora.core.model.Post;
import dev.egregora.core.model.Profile;
import dev.egregora.core.store.Workspace;
import dev.egregora.site.store.PostTable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic blog: {@code n} posts of about 1.5 KB of Markdown each (headings, lists, emphasis,
 * links), one to four tags out of 40, one to three of 12 authors, a profile per author. The same {@code (n, seed)}
 * always gives the same rows. Shared by tests and benchmarks until the write pipeline lands.
 */
public final class SamplePosts {
    private static final String[] WORDS = ("river market garden coffee weekend concert bicycle mountain recipe "
            + "holiday birthday meeting project deadline football weather train station library museum picnic "
            + "festival harbour lantern journey summer winter autumn spring evening morning kitchen balcony "
            + "neighbour school teacher student painting guitar piano dinner lunch breakfast market street bridge "
            + "island village castle forest meadow ocean sunset sunrise thunder rainbow puzzle chess camera photo "
            + "video podcast article chapter letter parcel garden tomato pepper olive lemon orange cherry basil "
            + "bread cheese honey pasta soup salad pancake waffle dessert cookie family cousin uncle grandmother "
            + "friend colleague planning booking ticket flight hotel luggage passport window curtain blanket "
            + "lamp sofa carpet plant flower cactus orchid tulip rose daisy").split(" ");
    private static final String[] TAGS = ("travel food music family sports books movies work photos garden "
            + "cooking weekend holidays birthdays school health running cycling hiking games art design science "
            + "history politics tech coding pets weather news jokes plans events friends kids recipes coffee "
            + "concerts museums beach").split(" ");
    private static final String[] ADJECTIVES = ("Amber Brave Calm Dusky Eager Fuzzy Gentle Hazel Ivory Jolly "
            + "Keen Lucky").split(" ");
    private static final String[] ANIMALS = ("Falcon Otter Heron Lynx Badger Marten Finch Panda Tapir Gecko "
            + "Koala Ibis").split(" ");
    private static final Instant EPOCH = Instant.parse("2020-01-01T08:00:00Z");

    /** The generated rows. */
    public record Sample(List<Author> authors, List<Post> posts, List<Profile> profiles) {
    }

    private SamplePosts() {
    }

    /** Generates {@code n} posts deterministically from {@code seed}. */
    public static Sample generate(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Author> authors = new ArrayList<>();
        for (int i = 0; i < ADJECTIVES.length; i++) {
            String pseudonym = ADJECTIVES[i] + " " + ANIMALS[(i * 5) % ANIMALS.length];
            authors.add(new Author(Ids.authorId("sample author " + i), pseudonym, i % 4 == 0 ? "Alias " + i : null,
                    false));
        }
        List<Post> posts = new ArrayList<>(n);
        List<List<String>> postsByAuthor = new ArrayList<>();
        authors.forEach(a -> postsByAuthor.add(new ArrayList<>()));
        for (int i = 0; i < n; i++) {
            Instant date = EPOCH.plus(Duration.ofHours(7L * i + rnd.nextInt(6)));
            String title = sentence(rnd, 3 + rnd.nextInt(5), true);
            String slug = date.toString().substring(0, 10) + "-" + title.toLowerCase().replace(' ', '-') + "-" + i;
            Set<String> tags = new LinkedHashSet<>();
            int tagCount = 1 + rnd.nextInt(4);
            while (tags.size() < tagCount) {
                tags.add(TAGS[Math.min(TAGS.length - 1, (int) (Math.abs(rnd.nextGaussian()) * 12))]);
            }
            Set<Integer> who = new LinkedHashSet<>();
            int authorCount = 1 + rnd.nextInt(3);
            while (who.size() < authorCount) {
                who.add(rnd.nextInt(authors.size()));
            }
            List<String> authorIds = new ArrayList<>();
            String id = "sample:" + i;
            for (int a : who) {
                authorIds.add(authors.get(a).id());
                postsByAuthor.get(a).add(id);
            }
            String body = body(rnd, authors, who);
            posts.add(new Post(id, slug, Ids.sha256Hex(id + body).substring(0, 16), title,
                    sentence(rnd, 12 + rnd.nextInt(8), false) + ".", date, date.plus(Duration.ofHours(2)),
                    List.copyOf(tags), authorIds, List.of(), "en", body, "sample"));
        }
        List<Profile> profiles = new ArrayList<>();
        for (int i = 0; i < authors.size(); i++) {
            Author a = authors.get(i);
            List<Integer> hours = new ArrayList<>();
            for (int h = 0; h < 24; h++) {
                hours.add(h < 7 ? rnd.nextInt(5) : 5 + rnd.nextInt(60));
            }
            profiles.add(new Profile(a.id(), a.pseudonym(), 100 + rnd.nextInt(5000), EPOCH,
                    EPOCH.plus(Duration.ofDays(365)), hours, List.of(WORDS[i], WORDS[i + 10], WORDS[i + 20]),
                    List.of("😀", "🎉"), postsByAuthor.get(i),
                    a.pseudonym() + " writes about " + WORDS[i] + " and *" + WORDS[i + 30] + "*."));
        }
        return new Sample(authors, posts, profiles);
    }

    /** Generates {@code n} posts and inserts them (with authors and profiles) into the workspace. */
    public static Sample fill(Workspace workspace, int n, long seed) {
        Sample sample = generate(n, seed);
        new PostTable(workspace).insert(sample.authors(), sample.posts(), sample.profiles());
        return sample;
    }

    private static String body(SplittableRandom rnd, List<Author> authors, Set<Integer> who) {
        StringBuilder sb = new StringBuilder(1700);
        int first = who.iterator().next();
        sb.append(sentence(rnd, 14, false)).append(", said **").append(authors.get(first).displayName())
                .append("**.\n\n");
        sb.append("## ").append(sentence(rnd, 3, true)).append("\n\n");
        while (sb.length() < 1100) {
            sb.append(sentence(rnd, 10 + rnd.nextInt(14), false)).append(". ");
            if (rnd.nextInt(4) == 0) {
                sb.append("\n\n");
            }
        }
        sb.append("\n\n");
        for (int i = 0; i < 3; i++) {
            sb.append("- ").append(sentence(rnd, 4 + rnd.nextInt(6), false)).append('\n');
        }
        sb.append("\nSee [the ").append(WORDS[rnd.nextInt(WORDS.length)]).append(" notes](https://example.org/")
                .append(WORDS[rnd.nextInt(WORDS.length)]).append(") and _").append(sentence(rnd, 6, false))
                .append("_.\n\n");
        while (sb.length() < 1500) {
            sb.append(sentence(rnd, 8 + rnd.nextInt(10), false)).append(". ");
        }
        sb.append('\n');
        return sb.toString();
    }

    private static String sentence(SplittableRandom rnd, int words, boolean title) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String w = WORDS[rnd.nextInt(WORDS.length)];
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(i == 0 || title ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
        }
        return sb.toString();
    }
}
