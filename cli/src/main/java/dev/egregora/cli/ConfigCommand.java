package dev.egregora.cli;

import dev.egregora.core.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;

/** {@code egregora config}: the effective settings of a site, as TOML. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Print the effective configuration.")
final class ConfigCommand implements Runnable {
    @ParentCommand
    EgregoraCommand root;

    @Option(names = "--site", defaultValue = "site", description = "Site directory (default: ${DEFAULT-VALUE}).")
    Path site;

    @Override
    public void run() {
        root.out().print(ConfigLoader.toToml(ConfigLoader.load(site)));
    }
}
