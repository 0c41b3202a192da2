package dev.egregora.benchmarks.llm;

import dev.egregora.core.model.Author;
import dev.egregora.core.model.Message;
import dev.egregora.core.model.MessageKind;
import dev.egregora.core.model.Window;
import dev.egregora.core.model.WindowContent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Synthetic windows of 40 messages by three pseudonymous authors; each {@code n} gives a distinct signature. */
final class BenchWindows {
    static final Author A = new Author("00000000-0000-5000-8000-000000000001", "Amber Fox", null, false);
    static final Author B = new Author("00000000-0000-5000-8000-000000000002", "Blue Owl", null, false);
    static final Author C = new Author("00000000-0000-5000-8000-000000000003", "Cold Moth", null, false);
    private static final Map<String, Author> AUTHORS = Map.of(A.id(), A, B.id(), B, C.id(), C);
    private static final String[] LINES = {
        "Are we still doing the Lisbon trip in May?", "I looked at flights, around 120 euros return",
        "Count me in. Who is booking the apartment?", "I can book the one in Alfama with the terrace",
        "Can we do the tram 28 on the first day?", "Pastel de nata every morning then",
        "Let's split the apartment three ways", "Flights booked, see you there!"};

    private BenchWindows() {
    }

    static WindowContent window(long n) {
        Instant t0 = Instant.parse("2025-03-14T09:00:00Z").plusSeconds(86_400L * (n % 1000));
        List<Message> messages = new ArrayList<>();
        Author[] who = {A, B, C};
        for (int i = 0; i < 40; i++) {
            messages.add(new Message("w" + n + "-m" + i, "bench", t0.plusSeconds(60L * i), i, who[i % 3].id(),
                    MessageKind.USER, LINES[i % LINES.length] + " (" + n + ")", null, null));
        }
        Window w = new Window("bench:" + n, "bench", (int) n, 0, 40, t0, t0.plusSeconds(2400), 40, 1600,
                "sig-" + n);
        return new WindowContent(w, messages, AUTHORS, Map.of());
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
