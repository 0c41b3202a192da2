package dev.egregora.writer.memory;

import dev.egregora.writer.memory.store.RelatedPostStore.PostText;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TermSimilarityTest {
    private static PostText post(String id, String title, String summary, String... tags) {
        return new PostText(id, title, summary, List.of(tags));
    }

    private static final List<PostText> POSTS = List.of(
            post("p1", "Lisbon trip planning", "Flights, apartment in Alfama", "lisbon", "travel"),
            post("p2", "Paella night", "Seafood, market", "cooking"),
            post("p3", "Back from Lisbon", "Trams, Alfama view", "lisbon", "photos"),
            post("p4", "Derby day", "Two goals, extra time", "football"),
            post("p5", "Cooking for derby", "Seafood snacks, football", "cooking", "football"));

    @Test
    void postsSharingRareTermsAreRelatedBestFirstAndUnrelatedOnesAreLeftOut() {
        List<TermSimilarity.Match> matches = new TermSimilarity().topK(POSTS, 3);
        assertThat(matches).extracting(TermSimilarity.Match::postId).containsExactly("p1", "p2", "p3", "p4", "p5");
        assertThat(matches.get(0).neighbours()).extracting(TermSimilarity.Neighbour::postId).containsExactly("p3");
        assertThat(matches.get(4).neighbours()).extracting(TermSimilarity.Neighbour::postId)
                .containsExactlyInAnyOrder("p2", "p4");
        assertThat(matches.get(3).neighbours()).extracting(TermSimilarity.Neighbour::postId).containsExactly("p5");
    }

    @Test
    void scoresAreCosinesOfTfIdfVectors() {
        // p1 and p3 share "lisbon" (title once, tag twice in both) and "alfama" (summary once in both); every other
        // term of theirs occurs in one post only and is dropped (document frequency 1 carries no similarity), so both
        // vectors hold exactly these two terms with the same weights: cosine 1
        List<TermSimilarity.Match> matches = new TermSimilarity().topK(POSTS, 3);
        assertThat(matches.get(0).neighbours().get(0).score()).isCloseTo(1.0, within(1e-9));
        // p2 {seafood, cooking x2}; p5 {seafood, cooking x3, derby, football x3}; idf = ln(5/2) for all of them
        double idf = Math.log(5 / 2.0);
        double[] p2 = {idf, (1 + Math.log(2)) * idf};                                    // seafood, cooking
        double[] p5 = {idf, (1 + Math.log(3)) * idf, idf, (1 + Math.log(3)) * idf};       // seafood, cooking, derby, football
        double dot = p2[0] * p5[0] + p2[1] * p5[1];
        double expected = dot / (Math.hypot(p2[0], p2[1]) * Math.sqrt(p5[0] * p5[0] + p5[1] * p5[1] + p5[2] * p5[2]
                + p5[3] * p5[3]));
        TermSimilarity.Neighbour p2ToP5 = matches.get(1).neighbours().get(0);
        assertThat(p2ToP5.postId()).isEqualTo("p5");
        assertThat(p2ToP5.score()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void theOrderOfTheInputDoesNotChangeTheResult() {
        List<PostText> reversed = new java.util.ArrayList<>(POSTS);
        java.util.Collections.reverse(reversed);
        assertThat(new TermSimilarity().topK(reversed, 2)).isEqualTo(new TermSimilarity().topK(POSTS, 2));
    }
}
