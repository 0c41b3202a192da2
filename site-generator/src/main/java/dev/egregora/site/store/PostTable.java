package dev.egregora.site.store;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.model.Author;
import dev.egregora.core.model.Post;
import dev.egregora.core.model.Profile;
import dev.egregora.core.store.Workspace;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;

/**
 * Writes {@code authors}, {@code posts} and {@code profiles} rows in bulk (appender, one transaction). Used by the
 * synthetic {@code SamplePosts} generator, tests and benchmarks until the write pipeline fills these tables.
 */
public final class PostTable {
    private final Workspace workspace;

    public PostTable(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Appends the rows; the authors' {@code real_name} is set to the pseudonym (samples have no real names). */
    public void insert(Collection<Author> authors, Collection<Post> posts, Collection<Profile> profiles) {
        workspace.inTransaction(c -> {
            workspace.append("authors", a -> {
                for (Author au : authors) {
                    a.beginRow().append(au.id()).append("sample").append(au.pseudonym()).append(au.pseudonym());
                    if (au.alias() == null) {
                        a.appendNull();
                    } else {
                        a.append(au.alias());
                    }
                    a.append(au.optedOut()).endRow();
                }
                return authors.size();
            });
            workspace.append("posts", a -> {
                for (Post p : posts) {
                    a.beginRow().append(p.id()).append(p.slug()).append(p.signature()).append(p.title())
                            .append(p.summary()).append(ts(p.date())).append(ts(p.endDate())).append(p.tags())
                            .append(p.authorIds()).append(p.mediaIds()).append(p.language())
                            .append(p.bodyMarkdown()).append(p.writer()).endRow();
                }
                return posts.size();
            });
            workspace.append("profiles", a -> {
                for (Profile p : profiles) {
                    a.beginRow().append(p.authorId()).append(p.pseudonym()).append(p.messageCount())
                            .append(ts(p.firstTs())).append(ts(p.lastTs())).append(p.hours()).append(p.topWords())
                            .append(p.topEmoji()).append(p.postIds()).append(p.bodyMarkdown()).endRow();
                }
                return profiles.size();
            });
            return null;
        });
    }

    /** Replaces a post's title and body (an edit, as a re-written window would produce). */
    public void updatePost(String id, String title, String bodyMarkdown) {
        workspace.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE posts SET title = ?, body_md = ? WHERE id = ?")) {
                ps.setString(1, title);
                ps.setString(2, bodyMarkdown);
                ps.setString(3, id);
                if (ps.executeUpdate() != 1) {
                    throw new EgregoraException("no post " + id);
                }
            }
            return null;
        });
    }

    /** Deletes a post. */
    public void deletePost(String id) {
        workspace.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM posts WHERE id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static LocalDateTime ts(Instant i) {
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
