package dev.egregora.cli.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.egregora.writer.llm.DraftPost;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The LLM answer parser ({@code writer.llm.DraftParser}, package-private, so reached by reflection) on arbitrary
 * model output: a draft within the schema limits, or a non-empty list of one-line problems; never an exception.
 */
class DraftParserFuzzTest {
    private static final Object PARSER;
    private static final Method PARSE;
    private static final Method DRAFT;
    private static final Method PROBLEMS;

    static {
        try {
            Class<?> type = Class.forName("dev.egregora.writer.llm.DraftParser");
            Constructor<?> ctor = type.getDeclaredConstructor();
            ctor.setAccessible(true);
            PARSER = ctor.newInstance();
            PARSE = type.getDeclaredMethod("parse", String.class);
            PARSE.setAccessible(true);
            Class<?> result = Class.forName("dev.egregora.writer.llm.DraftParser$Result");
            DRAFT = result.getDeclaredMethod("draft");
            DRAFT.setAccessible(true);
            PROBLEMS = result.getDeclaredMethod("problems");
            PROBLEMS.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] bytes) throws Exception {
        String answer = new String(bytes, StandardCharsets.UTF_8);
        Object result;
        try {
            result = PARSE.invoke(PARSER, answer);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new AssertionError("parser threw on " + Invariants.quote(answer), e.getCause());
        }
        DraftPost draft = (DraftPost) DRAFT.invoke(result);
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) PROBLEMS.invoke(result);
        if (draft == null) {
            if (problems == null || problems.isEmpty()) {
                throw new AssertionError("no draft and no problem for " + Invariants.quote(answer));
            }
            return;
        }
        if (draft.title().isBlank() || draft.title().length() > 200 || draft.body().isBlank()
                || draft.tags().size() > 12 || draft.summary() != null && draft.summary().length() > 600
                || draft.slug().length() > 80) {
            throw new AssertionError("draft outside the schema: " + draft);
        }
    }
}
