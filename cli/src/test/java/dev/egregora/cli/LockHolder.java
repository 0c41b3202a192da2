package dev.egregora.cli;

import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.Workspace;

import java.nio.file.Path;

/** A second process for {@link ProcessesTest}: holds a site's workspace open until its standard input closes. */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (Workspace ws = Workspace.open(Path.of(args[0]), CoreSchema.migrations())) {
            System.out.println("locked " + ws.site());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our input
            }
        }
    }
}
