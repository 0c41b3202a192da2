package dev.egregora.core.store;

import dev.egregora.core.EgregoraException;

import java.nio.file.Path;

/** Another process holds the site's write lock. */
public final class WorkspaceLockedException extends EgregoraException {
    private static final long serialVersionUID = 1L;

    public WorkspaceLockedException(Path site) {
        super("site is locked by another run: " + site
                + " (wait for it to finish, or remove " + site.resolve(".egregora/lock") + " if no run is active)");
    }
}
