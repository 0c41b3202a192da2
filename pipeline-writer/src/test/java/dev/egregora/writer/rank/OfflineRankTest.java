package dev.egregora.writer.rank;

import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineRankTest {
    @TempDir
    Path site;

    @Test
    void aLivelyExchangeOutranksAMonologue() {
        try (Workspace ws = Workspace.open(site, CoreSchema.migrations())) {
            // chat c: messages 0..5 by alternating authors (window c:0), then 6 messages by one author (window c:1);
            // z opted out: windows index publishable messages only, so z's messages take no position and no turn
            ws.execute("INSERT INTO authors VALUES ('a','c','A','ra',NULL,false),('b','c','B','rb',NULL,false),"
                    + "('c','c','C','rc',NULL,false),('z','c','Z','rz',NULL,true)");
            StringBuilder msgs = new StringBuilder("INSERT INTO messages VALUES ");
            String[] authors = {"a", "b", "z", "c", "a", "b", "c", "a", "z", "a", "a", "a", "a", "a"};
            for (int i = 0; i < authors.length; i++) {
                msgs.append(i == 0 ? "" : ",").append("('m").append(i).append("','c',TIMESTAMP '2025-01-01 10:00:00' + INTERVAL ")
                        .append(i).append(" MINUTE,").append(i).append(",'").append(authors[i])
                        .append("','user','text text text',14,NULL,NULL,false,false,").append(i + 1).append(",NULL)");
            }
            ws.execute(msgs.toString());
            ws.execute("INSERT INTO windows VALUES "
                    + "('c:0','c',0,0,6,'m0','m5',TIMESTAMP '2025-01-01 10:00:00',TIMESTAMP '2025-01-01 10:05:00',6,84,'s0'),"
                    + "('c:1','c',1,6,12,'m6','m11',TIMESTAMP '2025-01-01 10:06:00',TIMESTAMP '2025-01-01 10:11:00',6,84,'s1')");
            ws.execute("INSERT INTO posts VALUES "
                    + "('c:0','lively','s0','Lively','s',TIMESTAMP '2025-01-01 10:00:00',TIMESTAMP '2025-01-01 10:05:00',"
                    + "[],['a','b','c'],[],'en','b','offline'),"
                    + "('c:1','mono','s1','Mono','s',TIMESTAMP '2025-01-01 10:06:00',TIMESTAMP '2025-01-01 10:11:00',"
                    + "[],['a'],['x1','x2'],'en','b','offline')");

            var signals = new dev.egregora.writer.rank.store.PostSignalStore(ws).signals();
            assertThat(signals).extracting(s -> s.postId() + ":" + s.turns() + ":" + s.participants() + ":" + s.media())
                    .containsExactly("c:0:5:3:0", "c:1:0:1:2");

            List<RankedPost> ranked = new OfflineRank().rank(ws);
            assertThat(ranked).extracting(RankedPost::slug).containsExactly("lively", "mono");
            assertThat(ranked.get(0).rank()).isEqualTo(1);
            assertThat(ranked.get(0).score()).isGreaterThan(ranked.get(1).score());
        }
    }

    @Test
    void eloRecoversAConsistentJudgesOrder() {
        Map<String, Integer> quality = Map.of("p1", 5, "p2", 1, "p3", 4, "p4", 2, "p5", 3, "p6", 6);
        var rated = new EloRanking(32, 30).rate(List.of("p1", "p2", "p3", "p4", "p5", "p6"),
                (a, b) -> quality.get(a) > quality.get(b) ? 1.0 : 0.0);
        assertThat(rated).extracting(Map.Entry::getKey).containsExactly("p6", "p1", "p3", "p5", "p4", "p2");
    }
}
