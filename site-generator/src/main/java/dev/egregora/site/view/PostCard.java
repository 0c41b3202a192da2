package dev.egregora.site.view;

import java.util.List;

/** A post in a listing. */
public record PostCard(String href, String title, String date, String isoDate, String summary, List<Link> tags,
                       List<Link> authors) {
}
