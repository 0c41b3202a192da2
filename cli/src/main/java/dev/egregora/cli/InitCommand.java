package dev.egregora.cli;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.config.ConfigLoader;
import dev.egregora.core.store.WorkspaceOpener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** {@code egregora init SITE}: a site directory with a commented config file and an empty database. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a site directory with a commented config file.")
final class InitCommand implements Runnable {
    @ParentCommand
    EgregoraCommand root;

    @Parameters(index = "0", paramLabel = "SITE", defaultValue = "site", description = "Site directory (default: site).")
    Path site;

    @Option(names = "--force", description = "Overwrite an existing config file.")
    boolean force;

    @Override
    public void run() {
        Path config = site.resolve(ConfigLoader.FILE);
        if (Files.exists(config) && !force) {
            throw new EgregoraException(config + " already exists (use --force to overwrite it)");
        }
        try {
            Files.createDirectories(config.getParent());
            Path tmp = Files.createTempFile(config.getParent(), "config", ".tmp");
            Files.writeString(tmp, ConfigLoader.template(), StandardCharsets.UTF_8);
            Files.move(tmp, config, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EgregoraException("cannot write " + config + ": " + e.getMessage(), e);
        }
        root.injector().getInstance(WorkspaceOpener.class).open(site).close();
        root.out().println("Created site " + site.toAbsolutePath().normalize() + " (settings: " + config + ")");
    }
}
