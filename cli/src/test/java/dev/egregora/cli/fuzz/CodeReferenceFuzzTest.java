package dev.egregora.cli.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.Migration;
import dev.egregora.core.store.Workspace;
import dev.egregora.git.CodeReference;
import dev.egregora.git.CodeReferenceDetector;
import dev.egregora.git.GitHistory;
import dev.egregora.git.GitHistoryLoader;
import dev.egregora.git.GitHistoryResolver;
import dev.egregora.git.sample.SampleRepository;
import dev.egregora.git.store.GitSchema;
import dev.egregora.site.html.MarkdownRenderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The code-reference detector on arbitrary chat text against a real (generated) repository: references are in
 * text order, do not overlap, match the text they claim, and the linked text, rendered as Markdown, stays safe
 * HTML. The text is seeded with real SHA prefixes and paths so the fuzzer reaches the matching branches.
 */
class CodeReferenceFuzzTest {
    private static final CodeReferenceDetector DETECTOR;
    private static final List<String> PATHS;
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

    static {
        try {
            Path dir = Files.createTempDirectory("egregora-coderef-fuzz");
            SampleRepository.generate(dir.resolve("repo.git"), 40, 7L);
            List<Migration> migrations = new ArrayList<>(CoreSchema.migrations());
            migrations.addAll(GitSchema.migrations());
            try (Workspace ws = Workspace.open(dir.resolve("site"), migrations)) {
                GitHistory history = new GitHistory(new GitHistoryLoader());
                history.load(ws, dir.resolve("repo.git"));
                GitHistoryResolver resolver = history.resolver(ws, null);
                DETECTOR = new CodeReferenceDetector(resolver, "git@github.com:o/r.git");
                PATHS = resolver.paths();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void detect(FuzzedDataProvider data) {
        StringBuilder text = new StringBuilder();
        int parts = data.consumeInt(1, 8);
        for (int i = 0; i < parts && data.remainingBytes() > 0; i++) {
            switch (data.consumeInt(0, 2)) {
                case 0 -> text.append(PATHS.isEmpty() ? "README.md" : PATHS.get(data.consumeInt(0, PATHS.size() - 1)));
                case 1 -> text.append(data.consumeAsciiString(45));
                default -> text.append(data.consumeString(80));
            }
        }
        Instant at = Instant.ofEpochSecond(data.consumeLong(0, 4_102_444_800L));
        String s = text.toString();
        List<CodeReference> refs = DETECTOR.find(s, at);
        int last = 0;
        for (CodeReference r : refs) {
            if (r.start() < last || r.end() <= r.start() || r.end() > s.length()) {
                throw new AssertionError("bad span " + r + " in " + Invariants.quote(s));
            }
            if (!s.substring(r.start(), r.end()).equals(r.text())) {
                throw new AssertionError("span text differs: " + r + " in " + Invariants.quote(s));
            }
            if (r.url() != null && !r.url().startsWith("https://github.com/o/r/")) {
                throw new AssertionError("foreign link " + r.url());
            }
            last = r.end();
        }
        String linked = DETECTOR.link(s, at);
        if (refs.isEmpty() && !linked.equals(s)) {
            throw new AssertionError("text changed without references: " + Invariants.quote(s));
        }
        Invariants.safeHtml(RENDERER.render(linked), s);
    }
}
