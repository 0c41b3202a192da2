package dev.egregora.site.view;

import java.util.List;

/**
 * A post in a listing. {@code authors} are the first few of the post's authors (a listing entry stays small however
 * many people wrote in a window), {@code moreAuthors} how many are left out.
 */
public record PostCard(String href, String title, String date, String isoDate, String summary, List<Link> tags,
                       List<Link> authors, int moreAuthors) {
}
