package dev.egregora.core.store;

import com.google.inject.Inject;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Opens workspaces with every migration the assembled modules contribute. Thread-safe. */
public final class WorkspaceOpener {
    private final List<Migration> migrations;

    @Inject
    public WorkspaceOpener(Set<Migration> migrations) {
        this.migrations = List.copyOf(Objects.requireNonNull(migrations, "migrations"));
    }

    public Workspace open(Path site) {
        return Workspace.open(site, migrations);
    }
}
