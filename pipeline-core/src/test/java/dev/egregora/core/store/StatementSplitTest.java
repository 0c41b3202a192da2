package dev.egregora.core.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatementSplitTest {

    @Test
    void splitsAtSemicolonsOutsideQuotesAndDropsComments() {
        String script = "-- header; with a semicolon\nCREATE TABLE a (x VARCHAR DEFAULT 'a;b'); -- trailing\n"
                + "\n-- only a comment\n;INSERT INTO a VALUES ('--not a comment');";
        assertThat(Workspace.statements(script)).containsExactly(
                "CREATE TABLE a (x VARCHAR DEFAULT 'a;b')",
                "INSERT INTO a VALUES ('--not a comment')");
    }
}
