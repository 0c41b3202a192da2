package dev.egregora.cli;

import dev.egregora.core.config.ConfigLoader;
import dev.egregora.core.config.EgregoraConfig;
import dev.egregora.core.model.Window;
import dev.egregora.core.port.PostWriter;
import dev.egregora.core.port.Windower;
import dev.egregora.core.store.Workspace;
import dev.egregora.core.store.WorkspaceOpener;
import dev.egregora.windowing.ColumnarWindower;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code egregora windows --site SITE --unit days --size 1}: the windows these settings would give, for tuning them;
 * the stored window table and the journal are left as they are.
 */
@Command(name = "windows", mixinStandardHelpOptions = true,
        description = "Print the windows these settings give (a preview; nothing is stored).")
final class WindowsCommand implements Runnable {
    @ParentCommand
    EgregoraCommand root;

    @Option(names = "--site", defaultValue = "site", paramLabel = "SITE", description = "Site directory (default: ${DEFAULT-VALUE}).")
    Path site;

    @Mixin
    Settings.WindowFlags flags;

    @Override
    public void run() {
        EgregoraConfig config = flags.apply(ConfigLoader.load(site));
        Windower.Spec s = Settings.windowSpec(config);
        String fingerprint = root.injector().getInstance(PostWriter.class).fingerprint();
        ColumnarWindower windower = root.injector().getInstance(ColumnarWindower.class);
        List<Window> windows;
        try (Workspace ws = root.injector().getInstance(WorkspaceOpener.class).open(site)) {
            windows = windower.preview(ws, new Windower.Spec(s.unit(), s.size(), s.overlap(),
                    s.maxWindowTime(), s.gap(), fingerprint));
        }
        Reports.windows(root.out(), windows);
    }
}
