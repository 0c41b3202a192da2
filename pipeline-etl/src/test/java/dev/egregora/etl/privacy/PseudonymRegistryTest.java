package dev.egregora.etl.privacy;

import dev.egregora.core.model.Ids;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PseudonymRegistryTest {

    /** Two author ids whose base pseudonyms collide (found by search, deterministic). */
    static String[] collidingIds() {
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; ; i++) {
            String id = Ids.authorId("Person " + i);
            String prev = seen.putIfAbsent(Pseudonyms.of(id), id);
            if (prev != null) {
                return new String[] {prev, id};
            }
        }
    }

    @Test
    void aCollisionGetsTheFirstFreeSuffixInOrderOfFirstAppearance() {
        String[] ids = collidingIds();
        String base = Pseudonyms.of(ids[0]);
        PseudonymRegistry r = new PseudonymRegistry(Map.of());
        assertThat(r.pseudonymOf(ids[1])).isEqualTo(base);
        assertThat(r.pseudonymOf(ids[0])).isEqualTo(base + " 2");
        assertThat(r.pseudonymOf(ids[1])).isEqualTo(base);

        PseudonymRegistry other = new PseudonymRegistry(Map.of());
        assertThat(other.pseudonymOf(ids[0])).isEqualTo(base);
        assertThat(other.pseudonymOf(ids[1])).isEqualTo(base + " 2");
    }

    @Test
    void storedPseudonymsAreKeptAndNeverGivenToSomeoneElse() {
        String[] ids = collidingIds();
        String base = Pseudonyms.of(ids[0]);
        // stored: the second id holds the base, and a third person holds "base 2" (as a later suffix would be)
        String third = Ids.authorId("Someone stored");
        PseudonymRegistry r = new PseudonymRegistry(Map.of(ids[1], base, third, base + " 2"));
        assertThat(r.pseudonymOf(third)).isEqualTo(base + " 2");
        assertThat(r.pseudonymOf(ids[1])).isEqualTo(base);
        assertThat(r.pseudonymOf(ids[0])).isEqualTo(base + " 3");
        assertThat(r.size()).isEqualTo(3);
    }

    @Test
    void tenThousandAuthorsGetTenThousandDistinctPseudonyms() {
        PseudonymRegistry r = new PseudonymRegistry(Map.of());
        Set<String> names = new HashSet<>();
        int suffixed = 0;
        for (int i = 0; i < 10_000; i++) {
            String p = r.pseudonymOf(Ids.authorId("Member " + i));
            names.add(p);
            if (p.matches(".* \\d+")) {
                suffixed++;
            }
        }
        assertThat(names).hasSize(10_000);
        assertThat(suffixed).as("4096 base names cannot hold 10 000 people").isGreaterThanOrEqualTo(10_000 - 4096);
    }
}
