package dev.egregora.site.view;

/** An author in the authors index. */
public record AuthorRef(String href, String name, int posts) {
}
