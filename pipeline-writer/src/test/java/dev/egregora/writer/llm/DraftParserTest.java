package dev.egregora.writer.llm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DraftParserTest {
    private final DraftParser parser = new DraftParser();

    @Test
    void acceptsAFencedObjectAndNormalisesSlugAndTags() {
        DraftParser.Result r = parser.parse("```json\n{\"title\":\" T \",\"slug\":\"Açaí Night!\",\"summary\":\"S\","
                + "\"tags\":[\"Food\",\"food\",\"Night\"],\"body\":\"Hello\"}\n```");
        assertThat(r.problems()).isEmpty();
        assertThat(r.draft()).isEqualTo(new DraftPost("T", "acai-night", "S", java.util.List.of("food", "night"),
                "Hello\n"));
    }

    @Test
    void listsEveryProblem() {
        DraftParser.Result r = parser.parse("{\"title\": 3, \"summary\": \"\", \"tags\": [1], \"body\": \"b\"}");
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).containsExactly("\"title\" must be a string", "\"slug\" is missing",
                "\"summary\" is blank", "every tag must be a non-blank string of at most 40 characters");
    }

    @Test
    void rejectsNonObjectsAndBrokenJson() {
        assertThat(parser.parse("").problems()).containsExactly("the answer is empty");
        assertThat(parser.parse("[1,2]").problems()).containsExactly("the answer holds no JSON object");
        assertThat(parser.parse("{\"title\": }").problems().get(0)).startsWith("the JSON does not parse");
    }

    @Test
    void limitsLengthsAndTagCounts() {
        String tags = "[" + "\"t\",".repeat(13) + "\"t\"]";
        DraftParser.Result r = parser.parse("{\"title\":\"" + "x".repeat(201) + "\",\"slug\":\"!!!\",\"summary\":\"s\","
                + "\"tags\":" + tags + ",\"body\":\"b\"}");
        assertThat(r.problems()).containsExactly("\"title\" is 201 characters; at most 200",
                "\"slug\" has no letters or digits", "\"tags\" has 14 items; at most 12");
    }

    @Test
    void theCacheFormRoundTrips() {
        DraftPost d = new DraftPost("T", "s", "S", java.util.List.of("a"), "B\n");
        assertThat(parser.parse(DraftParser.toJson(d, 5, 6)).draft()).isEqualTo(d);
    }
}
