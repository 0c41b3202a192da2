package dev.egregora.core.port;

import dev.egregora.core.store.Workspace;

/**
 * A stage that derives tables from the committed posts after the write and profiles stages and before the site is
 * built, e.g. related posts ({@code related_posts}) and top posts ({@code post_ranks}). Modules bind theirs into a
 * Guice multibinder ({@code Multibinder.newSetBinder(binder(), PostStage.class)}); the write pipeline runs them in
 * the order of their names, each timed as its own stage. A stage does only what changed since its last run where
 * that is expensive, and replaces its rows atomically.
 */
public interface PostStage {

    /** The stage's name in timings and progress, e.g. {@code related}. */
    String name();

    /** Brings the stage's tables up to date with the workspace's posts; returns how many items it processed. */
    long run(Workspace workspace);
}
