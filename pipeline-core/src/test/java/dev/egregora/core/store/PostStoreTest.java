package dev.egregora.core.store;

import dev.egregora.core.model.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PostStoreTest {
    @TempDir
    Path site;

    private static Profile profile(String id, long messages, List<String> words) {
        List<Integer> hours = new ArrayList<>(Collections.nCopies(24, 0));
        hours.set(9, (int) messages);
        return new Profile(id, "Pseudo " + id, messages, Instant.parse("2024-03-01T09:00:00Z"),
                Instant.parse("2024-03-02T10:30:00Z"), hours, words, List.of("🎉"), List.of("post-1", "post-2"),
                "**" + id + "** wrote\n");
    }

    @Test
    void replaceProfilesReplacesEveryRowWithEveryColumn() throws Exception {
        try (Workspace ws = Workspace.open(site, CoreSchema.migrations())) {
            PostStore store = new PostStore(ws);
            store.replaceProfiles(List.of(profile("old", 1, List.of("gone"))));
            store.replaceProfiles(List.of(profile("ana", 3, List.of("coffee", "tea")), profile("ben", 2, List.of())));
            assertThat(rows(ws, "SELECT author_id, pseudonym, message_count, strftime(first_ts, '%Y-%m-%d %H:%M:%S'),"
                    + " strftime(last_ts, '%Y-%m-%d %H:%M:%S'), hours[10], len(hours),"
                    + " top_words, top_emoji, post_ids, body_md FROM profiles ORDER BY author_id")).containsExactly(
                    "ana|Pseudo ana|3|2024-03-01 09:00:00|2024-03-02 10:30:00|3|24|[coffee, tea]|[🎉]|[post-1, post-2]"
                            + "|**ana** wrote\n",
                    "ben|Pseudo ben|2|2024-03-01 09:00:00|2024-03-02 10:30:00|2|24|[]|[🎉]|[post-1, post-2]"
                            + "|**ben** wrote\n");
        }
    }

    private static List<String> rows(Workspace ws, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = ws.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }
}
