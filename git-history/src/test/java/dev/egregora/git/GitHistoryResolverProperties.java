package dev.egregora.git;

import dev.egregora.git.store.HistoryColumns;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The resolver's binary searches against brute force on random histories. */
class GitHistoryResolverProperties {

    @Property(tries = 200)
    void shaPrefixLookupEqualsALinearScan(@ForAll("shaSets") List<String> shas, @ForAll @IntRange(min = 0, max = 1000) int pick,
                                          @ForAll @IntRange(min = 4, max = 40) int length) {
        String[] sorted = new TreeSet<>(shas).toArray(String[]::new);
        GitHistoryResolver r = GitHistoryResolver.of(columns(sorted, new long[sorted.length]), "main", null);
        String prefix = sorted[pick % sorted.length].substring(0, length);
        long matches = Arrays.stream(sorted).filter(s -> s.startsWith(prefix)).count();
        int expected = matches == 1 ? Arrays.asList(sorted).indexOf(
                Arrays.stream(sorted).filter(s -> s.startsWith(prefix)).findFirst().orElseThrow()) : -1;
        assertThat(r.commitIndex(prefix)).isEqualTo(expected);
        assertThat(r.commitIndex(prefix.toUpperCase())).isEqualTo(expected);
    }

    @Property(tries = 200)
    void headAtTimeEqualsWalkingTheLineFromTheTip(@ForAll @IntRange(min = 1, max = 60) int n,
                                                   @ForAll long seed, @ForAll @LongRange(min = 0, max = 2000) long at) {
        Random random = new Random(seed);
        // a line of n commits, root first; times mostly increasing with some clock skew
        String[] line = new String[n];
        long[] time = new long[n];
        for (int i = 0; i < n; i++) {
            line[i] = String.format("%040x", random.nextLong() & Long.MAX_VALUE).substring(0, 30) + String.format("%010d", i);
            time[i] = i * 30L + random.nextInt(60) - (random.nextInt(10) == 0 ? 200 : 0);
        }
        String[] sorted = line.clone();
        Arrays.sort(sorted);
        long[] t = new long[n];
        String[] parent = new String[n];
        for (int i = 0; i < n; i++) {
            int idx = Arrays.binarySearch(sorted, line[i]);
            t[idx] = time[i];
            parent[idx] = i == 0 ? null : line[i - 1];
        }
        HistoryColumns h = new HistoryColumns(sorted, parent, t, t, names(n), names(n), new int[0], new String[0],
                new String[0], new byte[0]);
        GitHistoryResolver r = GitHistoryResolver.of(h, "main", line[n - 1]);
        String expected = null;
        for (int i = n - 1; i >= 0; i--) {
            if (time[i] <= at) {
                expected = line[i];
                break;
            }
        }
        assertThat(r.at(Instant.ofEpochSecond(at)).map(CommitInfo::sha).orElse(null)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<List<String>> shaSets() {
        // few distinct leading digits so that prefixes collide often
        Arbitrary<String> sha = Arbitraries.strings().withChars("0123456789abcdef".toCharArray()).ofLength(38)
                .map(s -> "ab" + s);
        return sha.list().ofMinSize(1).ofMaxSize(50).map(l -> {
            // make some share long prefixes
            if (l.size() > 2) {
                l.set(1, l.get(0).substring(0, 20) + l.get(1).substring(20));
            }
            return l;
        });
    }

    private static HistoryColumns columns(String[] sha, long[] time) {
        return new HistoryColumns(sha, new String[sha.length], time, time, names(sha.length), names(sha.length),
                new int[0], new String[0], new String[0], new byte[0]);
    }

    private static String[] names(int n) {
        String[] out = new String[n];
        Arrays.fill(out, "n");
        return out;
    }
}
