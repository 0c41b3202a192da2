package dev.egregora.cli;

import com.google.inject.Injector;
import dev.egregora.cli.inject.EgregoraInjector;
import dev.egregora.core.EgregoraException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;

/** {@code egregora}: the command tree. Exit codes: 0 ok, 1 runtime failure, 2 usage error. */
@Command(name = "egregora", mixinStandardHelpOptions = true, versionProvider = EgregoraCommand.Version.class,
        description = "Turns a chat export into a browsable static blog.",
        subcommands = {
                InitCommand.class, IngestCommand.class, WindowsCommand.class, WriteCommand.class,
                BuildCommand.class, ServeCommand.class, GitHistoryCommand.class, DemoCommand.class,
                SampleCommand.class, ConfigCommand.class, DiffCommand.class, TopCommand.class,
                CommandLine.HelpCommand.class
        })
public final class EgregoraCommand implements Runnable {

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of failures.")
    boolean verbose;

    private Injector injector;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see --help)");
    }

    /** The application injector, created on first use so that --help and --version stay instant. */
    Injector injector() {
        if (injector == null) {
            injector = EgregoraInjector.create();
        }
        return injector;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Runs the command line and returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        EgregoraCommand root = new EgregoraCommand();
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (root.verbose) {
                e.printStackTrace(err);
            }
            err.println("egregora: " + oneLine(e));
            err.flush();
            return e instanceof EgregoraException ? 1 : 1;
        });
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("egregora: out of memory (give Java more heap, e.g. EGREGORA_JAVA_OPTS=-Xmx2g ./egregora ...)");
            code = 1;
        }
        out.flush();
        err.flush();
        return code;
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        } else if (!(e instanceof EgregoraException)) {
            m = m + " (" + e.getClass().getSimpleName() + "; run with --verbose for details)";
        }
        return m.lines().findFirst().orElse(m);
    }

    /** Reads the version Maven filtered into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = EgregoraCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"egregora " + p.getProperty("version", "unknown"),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
