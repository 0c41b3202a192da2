package dev.egregora.cli;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.config.ConfigLoader;
import dev.egregora.core.config.EgregoraConfig;
import dev.egregora.core.model.Post;
import dev.egregora.core.store.PostStore;
import dev.egregora.core.store.Workspace;
import dev.egregora.core.store.WorkspaceOpener;
import dev.egregora.writer.llm.LlmJudge;
import dev.egregora.writer.llm.LlmOptions;
import dev.egregora.writer.llm.LlmWriters;
import dev.egregora.writer.rank.EloRanking;
import dev.egregora.writer.rank.OfflineRank;
import dev.egregora.writer.rank.TopPosts;
import dev.egregora.writer.rank.store.PostRankStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code egregora top --site SITE}: the site's best posts (the original's {@code top}). Prints the stored ranking,
 * bringing it up to date first; {@code --judge} re-ranks with the configured model (pairwise comparisons, Elo) and
 * stores that ranking for the site's home page.
 */
@Command(name = "top", mixinStandardHelpOptions = true,
        description = "Print the site's top posts; --judge ranks them with the configured model (pairwise, Elo).")
final class TopCommand implements Runnable {
    @ParentCommand
    EgregoraCommand root;

    @Option(names = "--site", defaultValue = "site", paramLabel = "SITE",
            description = "Site directory (default: ${DEFAULT-VALUE}).")
    Path site;

    @Option(names = {"-n", "--limit"}, defaultValue = "10", paramLabel = "N",
            description = "How many posts to print (default: ${DEFAULT-VALUE}; 0: all).")
    int limit;

    @Option(names = "--judge", description = "Rank with the configured model ([writer] kind/model, or the flags): "
            + "pairwise comparisons aggregated with Elo. Verdicts are cached.")
    boolean judge;

    @Option(names = "--rounds", defaultValue = "6", paramLabel = "N",
            description = "Swiss rounds of pairwise comparisons with --judge (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--writer", paramLabel = "KIND", description = "openai | gemini (default: [writer] kind).")
    String writer;

    @Option(names = "--model", paramLabel = "NAME", description = "Model for --judge (default: [writer] model).")
    String model;

    @Option(names = "--base-url", paramLabel = "URL", description = "OpenAI-compatible server for --judge.")
    String baseUrl;

    @Override
    public void run() {
        if (!Files.isDirectory(site.resolve(Workspace.DATA_DIR))) {
            throw new EgregoraException("no site at " + site + " (run egregora write first)");
        }
        if (limit < 0 || rounds < 1) {
            throw new EgregoraException("--limit must be >= 0 and --rounds >= 1");
        }
        EgregoraConfig.Writer w = ConfigLoader.load(site).writer();
        EgregoraConfig.Writer chosen = new EgregoraConfig.Writer(writer != null ? writer : w.kind(),
                model != null ? model : w.model(), baseUrl != null ? baseUrl : w.baseUrl(), w.apiKeyEnv(), w.threads());
        List<PostRankStore.Row> ranks;
        try (Workspace ws = root.injector().getInstance(WorkspaceOpener.class).open(site)) {
            if (judge) {
                if ("offline".equals(chosen.kind())) {
                    throw new EgregoraException("top --judge needs a model: set [writer] kind and model in the config "
                            + "or pass --writer and --model");
                }
                List<Post> posts = new PostStore(ws).posts();
                LlmJudge j = LlmWriters.judge(chosen, System.getenv(), site, posts, LlmOptions.DEFAULTS);
                TopPosts.storeElo(ws, new EloRanking(32, rounds).rate(posts.stream().map(Post::id).toList(), j));
            } else {
                new TopPosts(new OfflineRank()).run(ws);
            }
            ranks = new PostRankStore(ws).ranks();
        }
        print(root.out(), limit == 0 ? ranks : ranks.subList(0, Math.min(limit, ranks.size())));
    }

    static void print(PrintWriter out, List<PostRankStore.Row> ranks) {
        if (ranks.isEmpty()) {
            out.println("no posts yet");
            return;
        }
        out.printf(Locale.ROOT, "top posts (%s)%n", ranks.get(0).method());
        for (PostRankStore.Row r : ranks) {
            out.printf(Locale.ROOT, "%3d. %8.2f  %s  %s%n", r.rank(), r.score(), r.slug(), r.title());
        }
        out.flush();
    }
}
