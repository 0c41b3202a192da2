package dev.egregora.cli.golden;

import dev.egregora.cli.diff.DiffReport;
import dev.egregora.cli.diff.SiteDiff;
import dev.egregora.cli.diff.SiteTree;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebuilds each committed golden case ({@code src/test/resources/golden/<case>/}) and compares the site with the
 * committed one, byte for byte; on a difference, prints the unified diff of the first differing files. Run with
 * {@code -Dgolden.update=true} to rewrite the goldens on purpose (then review the change with {@code git diff}).
 */
class GoldenSiteTest {
    private static final Logger LOG = LoggerFactory.getLogger(GoldenSiteTest.class);

    /** Social cards are compared by hash ({@code cards.sha256}), not committed. */
    static final Predicate<String> NOT_A_CARD = path -> !(path.startsWith("cards/") && path.endsWith(".png"));

    @TempDir
    Path tmp;

    static Stream<GoldenCase> cases() {
        return GoldenCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rebuildsTheCommittedSite(GoldenCase golden) throws IOException {
        Path site = tmp.resolve("site");
        SiteBuilds.write(golden.export(), site, golden.writeArgs());
        Path built = site.resolve("public");

        if (GoldenCase.updating()) {
            update(golden, built);
            return;
        }
        assertThat(golden.expected()).as("golden %s has no expected site; run with -Dgolden.update=true", golden)
                .isDirectory();
        SiteDiff diff = SiteDiff.compare(SiteTree.scan(golden.expected(), path -> true), SiteTree.scan(built, NOT_A_CARD));
        assertThat(diff.identical())
                .as("golden %s: the built site differs from %s (a = expected, b = built);%n%s%n"
                        + "If the change is intended, run: mvn -o -pl cli test -Dtest=GoldenSiteTest -Dgolden.update=true",
                        golden, golden.expected(), report(diff))
                .isTrue();
        SortedMap<String, String> cards = cardHashes(built);
        SortedMap<String, String> expectedCards = readCards(golden.cards());
        assertThat(cards)
                .as("golden %s: social card PNGs differ from %s: %s (-Dgolden.update=true rewrites them)",
                        golden, golden.cards(), cardChanges(expectedCards, cards))
                .isEqualTo(expectedCards);
    }

    static String report(SiteDiff diff) {
        StringWriter s = new StringWriter();
        new DiffReport(false, 3, 3, 80, 300).print(diff, new PrintWriter(s));
        return s.toString();
    }

    static SortedMap<String, String> cardHashes(Path built) {
        SortedMap<String, String> out = new TreeMap<>();
        SiteTree.scan(built, NOT_A_CARD.negate()).hashes().forEach(out::put);
        return out;
    }

    static List<String> cardChanges(Map<String, String> expected, Map<String, String> built) {
        TreeSet<String> paths = new TreeSet<>(expected.keySet());
        paths.addAll(built.keySet());
        List<String> out = new ArrayList<>();
        for (String p : paths) {
            if (!Objects.equals(expected.get(p), built.get(p))) {
                out.add((expected.containsKey(p) ? built.containsKey(p) ? "changed " : "missing " : "new ") + p);
            }
        }
        return out;
    }

    static SortedMap<String, String> readCards(Path file) throws IOException {
        SortedMap<String, String> out = new TreeMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    int sp = line.indexOf("  ");
                    out.put(line.substring(sp + 2), line.substring(0, sp));
                }
            }
        }
        return out;
    }

    private static void update(GoldenCase golden, Path built) throws IOException {
        Path expected = golden.expected();
        if (Files.exists(expected)) {
            try (Stream<Path> walk = Files.walk(expected)) {
                for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
        for (String rel : SiteTree.scan(built, NOT_A_CARD).hashes().keySet()) {
            Path to = expected.resolve(rel);
            Files.createDirectories(to.getParent());
            Files.copy(built.resolve(rel), to);
        }
        StringBuilder cards = new StringBuilder();
        for (Map.Entry<String, String> e : cardHashes(built).entrySet()) {
            cards.append(e.getValue()).append("  ").append(e.getKey()).append('\n');
        }
        Files.writeString(golden.cards(), cards, StandardCharsets.UTF_8);
        LOG.warn("golden {} rewritten in {}; review with git diff", golden, golden.dir());
    }
}
