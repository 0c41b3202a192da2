package dev.egregora.cli;

import dev.egregora.cli.diff.DiffReport;
import dev.egregora.cli.diff.SiteDiff;
import dev.egregora.core.EgregoraException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code egregora diff SITE_A SITE_B}: what changed between two built sites. Like {@code git diff}, exits 0 whether
 * or not they differ unless {@code --exit-code} is given (then 1 when they differ).
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two built sites: pages added, removed and changed, with a text diff of changed pages.",
                "SITE_A and SITE_B are site directories (their public/ folder is compared) or any two folders.",
                "Binary files (images, cards) are compared by SHA-256."})
final class DiffCommand implements Callable<Integer> {
    @ParentCommand
    EgregoraCommand root;

    @Parameters(index = "0", paramLabel = "SITE_A", description = "The old site.")
    Path a;

    @Parameters(index = "1", paramLabel = "SITE_B", description = "The new site.")
    Path b;

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary line.")
    boolean quiet;

    @Option(names = "--exit-code", description = "Exit with 1 when the sites differ (and 0 when they do not).")
    boolean exitCode;

    @Option(names = {"-U", "--unified"}, defaultValue = "3", paramLabel = "N",
            description = "Lines of context around each change (default: ${DEFAULT-VALUE}).")
    int context;

    @Override
    public Integer call() {
        for (Path p : new Path[] {a, b}) {
            if (!Files.isDirectory(p)) {
                throw new EgregoraException(Files.exists(p) ? "not a directory: " + p : "site not found: " + p);
            }
        }
        if (context < 0) {
            throw new EgregoraException("--unified must be >= 0");
        }
        SiteDiff diff = SiteDiff.compare(a, b);
        DiffReport report = new DiffReport(quiet, context, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
        report.print(diff, root.out());
        return exitCode && !diff.identical() ? 1 : 0;
    }
}
