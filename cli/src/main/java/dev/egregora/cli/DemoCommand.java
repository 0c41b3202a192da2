package dev.egregora.cli;

import dev.egregora.core.EgregoraException;
import dev.egregora.etl.sample.SampleExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code egregora demo}: the whole pipeline on a generated sample export. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline on a generated sample export and print where the site is.")
final class DemoCommand implements Runnable {
    @ParentCommand
    EgregoraCommand root;

    @Option(names = {"-o", "--output"}, defaultValue = "demo-site", paramLabel = "SITE",
            description = "Site directory (default: ${DEFAULT-VALUE}).")
    Path site;

    @Option(names = "--messages", defaultValue = "2000", paramLabel = "N", description = "Sample size (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--layout", defaultValue = "android_pt_br", paramLabel = "LAYOUT",
            description = "Sample layout (see 'egregora sample --help'; default: ${DEFAULT-VALUE}).")
    String layout;

    @Override
    public void run() {
        Path export = site.resolve("sample-export.zip");
        try {
            Files.createDirectories(site);
            SampleCommand.write(export, SampleExport.Options.defaults().withMessages(messages)
                    .withLayout(SampleCommand.layout(layout)), true);
        } catch (IOException e) {
            throw new EgregoraException("cannot write the sample export into " + site + ": " + e.getMessage(), e);
        }
        root.out().println("Sample export: " + export + " (" + messages + " messages, " + layout + ")");
        WriteCommand write = new WriteCommand();
        write.root = root;
        write.export = export;
        write.site = site;
        write.ingest = new Settings.IngestFlags();
        write.ingest.timezone = "UTC";
        write.windows = new Settings.WindowFlags();
        write.format = "html";
        write.timings = true;
        write.run();
        Path index = site.resolve("public/index.html").toAbsolutePath().normalize();
        root.out().println();
        root.out().println("Demo site: " + index.toUri());
        root.out().println("Serve it:  ./egregora serve --site " + site);
    }
}
