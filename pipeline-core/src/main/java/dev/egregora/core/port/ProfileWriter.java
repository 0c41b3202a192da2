package dev.egregora.core.port;

import dev.egregora.core.model.Author;
import dev.egregora.core.model.Message;
import dev.egregora.core.model.Post;
import dev.egregora.core.model.Profile;

import java.util.List;

/** Builds one author's profile from their messages (ordered by time) and the posts they appear in. Thread-safe. */
public interface ProfileWriter {

    Profile write(Author author, List<Message> messages, List<Post> posts);
}
