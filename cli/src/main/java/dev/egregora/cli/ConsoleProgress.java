package dev.egregora.cli;

import dev.egregora.core.pipeline.Progress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintWriter;

/** A progress bar per stage on a terminal; one plain line per stage otherwise (logs, CI, pipes). */
final class ConsoleProgress implements Progress {
    private final PrintWriter err;
    private final boolean terminal;
    private ProgressBar bar;
    private String stage;
    private long done;
    private long started;

    ConsoleProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    static ConsoleProgress forConsole(PrintWriter err) {
        return new ConsoleProgress(err, System.console() != null && !"dumb".equals(System.getenv("TERM")));
    }

    @Override
    public void start(String stage, long total) {
        this.stage = stage;
        this.done = 0;
        this.started = System.nanoTime();
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName(stage).setInitialMax(total).continuousUpdate()
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setConsumer(
                            new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
        } else {
            err.println("egregora: " + stage + "...");
            err.flush();
        }
    }

    @Override
    public void advance(long items) {
        done += items;
        if (bar != null) {
            bar.stepBy(items);
        }
    }

    @Override
    public void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        } else if (stage != null) {
            double seconds = (System.nanoTime() - started) / 1e9;
            if (done > 0) {
                err.printf("egregora: %s done (%d items, %.2f s)%n", stage, done, seconds);
            } else {
                err.printf("egregora: %s done (%.2f s)%n", stage, seconds);
            }
            err.flush();
        }
    }
}
