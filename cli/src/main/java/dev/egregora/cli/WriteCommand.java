package dev.egregora.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.egregora.cli.inject.EgregoraInjector;
import dev.egregora.core.EgregoraException;
import dev.egregora.core.config.ConfigLoader;
import dev.egregora.core.config.EgregoraConfig;
import dev.egregora.core.pipeline.WritePipeline;
import dev.egregora.core.pipeline.WriteReport;
import dev.egregora.core.pipeline.WriteRequest;
import dev.egregora.core.port.PostWriter;
import dev.egregora.core.port.SiteRenderer;
import dev.egregora.git.CodeLinkingWriter;
import dev.egregora.git.CodeReferenceDetector;
import dev.egregora.git.GitHistory;
import dev.egregora.git.LoadSummary;
import dev.egregora.writer.enrich.LinkFetcher;
import dev.egregora.writer.enrich.UrlGuard;
import dev.egregora.writer.llm.Enrichment;
import dev.egregora.writer.llm.LlmOptions;
import dev.egregora.writer.llm.LlmWriter;
import dev.egregora.writer.llm.LlmWriters;
import dev.egregora.writer.memory.ContextMemory;
import dev.egregora.writer.memory.MemorySettings;
import dev.egregora.writer.memory.PostEmbedder;
import dev.egregora.core.store.Workspace;
import dev.egregora.core.store.WorkspaceOpener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** {@code egregora write EXPORT --output SITE}: the main job. */
@Command(name = "write", mixinStandardHelpOptions = true,
        description = "Ingest an export, write one post per window, build profiles and the site.")
final class WriteCommand implements Runnable {
    @ParentCommand
    EgregoraCommand root;

    @Parameters(index = "0", paramLabel = "EXPORT", arity = "0..1",
            description = "WhatsApp export (.zip or .txt). Without it, the site's already ingested messages are used.")
    Path export;

    @Option(names = {"-o", "--output", "--site"}, defaultValue = "site", paramLabel = "SITE",
            description = "Site directory (default: ${DEFAULT-VALUE}).")
    Path site;

    @Mixin
    Settings.IngestFlags ingest;

    @Mixin
    Settings.WindowFlags windows;

    @Option(names = "--writer", paramLabel = "KIND", description = "offline (default) | openai | gemini.")
    String writer;

    @Option(names = "--model", paramLabel = "NAME", description = "Model for LLM writers, e.g. llama3.1, gemini-2.5-flash.")
    String model;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "OpenAI-compatible server, e.g. http://localhost:11434/v1 (Ollama).")
    String baseUrl;

    @Option(names = "--related", paramLabel = "METHOD",
            description = "Related posts: auto (default: embeddings with an LLM writer, else terms) | terms | embeddings | off.")
    String related;

    @Option(names = "--allow-network",
            description = "With an LLM writer: fetch shared links' pages to describe them (public addresses only).")
    boolean allowNetwork;

    @Option(names = "--threads", paramLabel = "N", description = "Windows written in parallel (default: cores).")
    Integer threads;

    @Option(names = "--no-build", description = "Write posts and profiles, do not render the site.")
    boolean noBuild;

    @Option(names = "--format", defaultValue = "html", paramLabel = "FORMAT", description = "html | mkdocs.")
    String format;

    @Option(names = "--timings", description = "Print a table of stages with time, items and throughput.")
    boolean timings;

    @Option(names = "--repo", paramLabel = "REPO",
            description = "A git repository whose commits and files the chat talks about: its history is loaded "
                    + "(incrementally) and each post lists the code its messages mention, linked on GitHub.")
    Path repo;

    @Option(names = "--publish-real-names",
            description = "Publish real display names instead of pseudonyms (only with everyone's consent).")
    boolean publishRealNames;

    @Override
    public void run() {
        if (export != null && !Files.exists(export)) {
            throw new EgregoraException("export not found: " + export);
        }
        EgregoraConfig config = windows.apply(ingest.apply(ConfigLoader.load(site)));
        EgregoraConfig.Writer w = config.writer();
        EgregoraConfig.Writer chosen = new EgregoraConfig.Writer(writer != null ? writer : w.kind(),
                model != null ? model : w.model(), baseUrl != null ? baseUrl : w.baseUrl(), w.apiKeyEnv(), w.threads());
        MemorySettings memory = memorySettings(config, related, chosen.kind());
        Injector injector = injector(chosen, memory, enrichment(config));
        SiteRenderer.Format f = format(format);
        SiteRenderer.Request build = noBuild ? null : new SiteRenderer.Request(
                site.resolve(f == SiteRenderer.Format.HTML ? "public" : "mkdocs"), f, false);
        WriteRequest request = new WriteRequest(export == null ? null : ingest.request(export, config),
                Settings.windowSpec(config), build, Settings.threads(config, threads),
                publishRealNames || config.privacy().publishRealNames());
        WriteReport report;
        try (Workspace ws = injector.getInstance(WorkspaceOpener.class).open(site)) {
            if (repo != null) {
                injector = withCodeLinks(injector, ws, memory);
            }
            report = injector.getInstance(WritePipeline.class).run(ws, request, ConsoleProgress.forConsole(root.err()));
        }
        Reports.write(root.out(), report);
        if (timings) {
            Reports.timings(root.out(), report);
        }
        if (!report.failures().isEmpty()) {
            throw new EgregoraException(report.failures().size() + " window(s) failed; run the same command again "
                    + "to retry them (the others are kept)");
        }
    }

    /** Loads {@link #repo}'s history and wraps the chosen writer so posts list the code they mention. */
    private Injector withCodeLinks(Injector injector, Workspace ws, MemorySettings memory) {
        GitHistory git = injector.getInstance(GitHistory.class);
        LoadSummary loaded = git.load(ws, repo);
        CodeReferenceDetector detector = git.codeReferences(ws, repo);
        root.err().println("Repository: " + loaded.totalCommits() + " commits (" + loaded.newCommits() + " new) from "
                + loaded.path() + (loaded.shallow() ? ", a shallow clone: older history is missing" : "")
                + (detector.githubBase().isEmpty() ? "; its remote is not on GitHub, so code is listed unlinked" : ""));
        PostWriter linked = new CodeLinkingWriter(injector.getInstance(PostWriter.class), detector);
        return EgregoraInjector.create(new AbstractModule() {
            @Override
            protected void configure() {
                bind(MemorySettings.class).toInstance(memory);
                bind(PostWriter.class).toInstance(linked);
            }
        });
    }

    /**
     * The application injector with the user's memory settings and, for an LLM writer, that writer (remembering
     * related earlier posts and the authors when {@code context > 0}) in place of the offline one.
     */
    private Injector injector(EgregoraConfig.Writer chosen, MemorySettings memory, Enrichment.Settings enrichment) {
        switch (chosen.kind()) {
            case "offline":
                return EgregoraInjector.create(new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(MemorySettings.class).toInstance(memory);
                    }
                });
            case LlmWriters.OPENAI:
            case LlmWriters.GEMINI:
                LlmWriter llm = LlmWriters.create(chosen, System.getenv(), site, LlmOptions.DEFAULTS, enrichment);
                return EgregoraInjector.create(new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(MemorySettings.class).toInstance(memory);
                    }

                    @Provides
                    @Singleton
                    PostWriter writer(Provider<PostEmbedder> embedder) {
                        return memory.context() == 0 ? llm
                                : llm.withMemory(new ContextMemory(embedder.get(), memory.context()));
                    }
                });
            default:
                throw new EgregoraException("unknown writer '" + chosen.kind() + "' (offline, openai or gemini)");
        }
    }

    /** {@code [enrich]} with {@code --allow-network} over it. */
    private Enrichment.Settings enrichment(EgregoraConfig config) {
        EgregoraConfig.Enrich e = config.enrich();
        LinkFetcher fetcher = allowNetwork || e.allowNetwork()
                ? new LinkFetcher(new UrlGuard(e.allowPrivateNetworks()), Duration.ofSeconds(10)) : null;
        return new Enrichment.Settings(e.links(), e.images(), fetcher);
    }

    /** {@code [memory]} with {@code --related} over it; {@code auto} depends on whether a model writes. */
    static MemorySettings memorySettings(EgregoraConfig config, String relatedFlag, String writerKind) {
        EgregoraConfig.Memory m = config.memory();
        try {
            return new MemorySettings(MemorySettings.Method.parse(relatedFlag != null ? relatedFlag : m.related(),
                    !"offline".equals(writerKind)), m.count(), m.context());
        } catch (IllegalArgumentException e) {
            throw new EgregoraException(e.getMessage());
        }
    }

    static SiteRenderer.Format format(String value) {
        try {
            return SiteRenderer.Format.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new EgregoraException("unknown format '" + value + "' (html or mkdocs)");
        }
    }
}
