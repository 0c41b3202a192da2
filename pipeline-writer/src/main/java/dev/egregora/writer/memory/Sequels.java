package dev.egregora.writer.memory;

import dev.egregora.core.port.PostStage;
import dev.egregora.core.store.Workspace;
import dev.egregora.writer.memory.store.PostContinuesStore;

/**
 * The write pipeline's {@code sequels} stage: links each new or changed post to the earlier post it continues, its
 * highest-ranked related post dated before it, in core's {@code post_continues}; the site shows it as
 * "Continues: <title>". Runs after {@code related} (stages run in name order), for every writer. A reference is kept
 * while its post is unchanged and both posts exist, so re-runs never move it (no churn of unchanged pages); it is
 * deterministic: the same {@code posts} and {@code related_posts} give the same references.
 */
public final class Sequels implements PostStage {
    @Override
    public String name() {
        return "sequels";
    }

    @Override
    public long run(Workspace workspace) {
        return new PostContinuesStore(workspace).update();
    }
}
