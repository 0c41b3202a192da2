package dev.egregora.cli;

import dev.egregora.core.EgregoraException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code egregora sample}. */
@Command(name = "sample", mixinStandardHelpOptions = true, description = "Write a synthetic chat export (deterministic, seeded).")
final class SampleCommand implements Runnable {
    @ParentCommand
    EgregoraCommand root;

    @Override
    public void run() {
        throw new EgregoraException("'sample' is not available in this build yet");
    }
}
