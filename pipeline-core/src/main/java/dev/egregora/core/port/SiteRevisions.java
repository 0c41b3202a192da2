package dev.egregora.core.port;

import dev.egregora.core.store.Workspace;

/**
 * Where a site's "last updated" dates come from: the git repository the site directory is part of, if any. The
 * site generator asks once per build, then looks up all its pages in one {@link RevisionDates#of} call.
 */
public interface SiteRevisions {

    /**
     * Revision dates of the site's files, keyed by paths relative to the site directory ({@code /}-separated);
     * {@link RevisionDates#NONE} when the site is not in a repository.
     */
    RevisionDates of(Workspace site);

    /** For builds without history. */
    SiteRevisions NONE = site -> RevisionDates.NONE;
}
