package dev.egregora.git.inject;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.egregora.core.port.SiteRevisions;
import dev.egregora.core.store.Migration;
import dev.egregora.git.GitHistory;
import dev.egregora.git.GitHistoryLoader;
import dev.egregora.git.GitSiteRevisions;
import dev.egregora.git.store.GitSchema;

/**
 * The git-history module's bindings: its migration (tables {@code git_repos}, {@code git_commits},
 * {@code git_file_changes}, {@code git_refs}), the loader and the {@link GitHistory} facade the CLI calls.
 * {@link SiteRevisions} is bound to {@link GitSiteRevisions}: a site inside a git work tree gets its pages' "last
 * updated" dates from the repository's history.
 */
public final class GitHistoryModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder<Migration> migrations = Multibinder.newSetBinder(binder(), Migration.class);
        GitSchema.migrations().forEach(m -> migrations.addBinding().toInstance(m));
        bind(GitHistoryLoader.class);
        bind(GitHistory.class);
        bind(SiteRevisions.class).to(GitSiteRevisions.class);
    }
}
