package dev.egregora.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class EgregoraCommandTest {

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = EgregoraCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommandTree() {
        Result r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("init", "ingest", "write", "build", "serve", "git-history", "demo", "sample");
    }

    @Test
    void versionNamesTheProjectVersion() {
        Result r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("egregora 0.").doesNotContain("${");
    }

    @Test
    void errorMessagesAreCutToOneLineWhateverTheLineBreak() {
        assertThat(EgregoraCommand.oneLine(new dev.egregora.core.EgregoraException("bad entry\rsecond")))
                .isEqualTo("bad entry");
        assertThat(EgregoraCommand.oneLine(new IllegalStateException("boom\r\nmore")))
                .isEqualTo("boom");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("no-such-command").code()).isEqualTo(2);
        assertThat(run().code()).isEqualTo(2);
        assertThat(run("--no-such-flag").err()).contains("--no-such-flag");
    }
}
