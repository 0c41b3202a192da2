package dev.egregora.writer.llm;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.config.EgregoraConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmWritersTest {
    @TempDir
    Path site;

    private static EgregoraConfig.Writer writer(String kind, String model, String url, String keyEnv) {
        return new EgregoraConfig.Writer(kind, model, url, keyEnv, 0);
    }

    @Test
    void aMissingModelIsOneClearLine() {
        assertThatThrownBy(() -> LlmWriters.create(writer("openai", "", "http://127.0.0.1:1/v1", ""), Map.of(), site))
                .isInstanceOf(EgregoraException.class)
                .hasMessage("the openai writer needs a model: pass --model or set [writer] model");
    }

    @Test
    void openAiItselfNeedsAKeyButALocalServerDoesNot() {
        assertThatThrownBy(() -> LlmWriters.create(writer("openai", "gpt-4o-mini", "", ""), Map.of(), site))
                .isInstanceOf(EgregoraException.class).hasMessageContaining("OPENAI_API_KEY");
        assertThatThrownBy(() -> LlmWriters.create(writer("openai", "gpt-4o-mini", "", "MY_KEY"), Map.of(), site))
                .isInstanceOf(EgregoraException.class).hasMessageContaining("MY_KEY");

        LlmWriter local = LlmWriters.create(writer("openai", "llama3.1", "http://localhost:11434/v1", ""), Map.of(), site);
        assertThat(local.name()).isEqualTo("openai:llama3.1");
    }

    @Test
    void geminiReadsItsKeyFromTheNamedOrTheUsualVariables() {
        assertThatThrownBy(() -> LlmWriters.create(writer("gemini", "gemini-2.5-flash", "", ""), Map.of(), site))
                .isInstanceOf(EgregoraException.class).hasMessageContaining("GEMINI_API_KEY or GOOGLE_API_KEY");
        assertThat(LlmWriters.create(writer("gemini", "gemini-2.5-flash", "", ""), Map.of("GOOGLE_API_KEY", "k"), site)
                .name()).isEqualTo("gemini:gemini-2.5-flash");
        assertThatThrownBy(() -> LlmWriters.create(writer("gemini", "gemini-2.5-flash", "", "TEAM_KEY"),
                Map.of("GEMINI_API_KEY", "k"), site)).hasMessageContaining("TEAM_KEY");
    }

    @Test
    void badUrlsAndUnknownKindsAreRejected() {
        assertThatThrownBy(() -> LlmWriters.create(writer("openai", "m", "ftp://example.com", ""), Map.of(), site))
                .isInstanceOf(EgregoraException.class).hasMessageContaining("not an http(s) URL");
        assertThatThrownBy(() -> LlmWriters.create(writer("claude", "m", "", ""), Map.of(), site))
                .isInstanceOf(EgregoraException.class).hasMessageContaining("unknown writer \"claude\"");
    }

    @Test
    void theFingerprintNamesTheModelButNeverTheKey() {
        LlmWriter w = LlmWriters.create(writer("openai", "gpt-4o-mini", "", ""), Map.of("OPENAI_API_KEY", "sk-XYZ"), site);
        assertThat(w.fingerprint()).contains("openai:gpt-4o-mini").doesNotContain("sk-XYZ");
    }
}
