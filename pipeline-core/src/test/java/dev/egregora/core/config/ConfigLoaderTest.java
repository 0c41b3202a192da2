package dev.egregora.core.config;

import dev.egregora.core.EgregoraException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    @Test
    void theTemplateInitWritesStatesExactlyTheDefaults() {
        assertThat(ConfigLoader.parse(ConfigLoader.template(), "template")).isEqualTo(EgregoraConfig.defaults());
    }

    @Test
    void anEmptyFileMeansDefaults() {
        assertThat(ConfigLoader.parse("", "empty")).isEqualTo(EgregoraConfig.defaults());
    }

    @Test
    void everyKeyMapsToItsField() {
        EgregoraConfig c = ConfigLoader.parse("""
                [site]
                title = "T"
                description = "D"
                base_url = "https://example.org/"
                language = "pt"
                [ingest]
                timezone = "America/Sao_Paulo"
                date_order = "mdy"
                [windowing]
                unit = "messages"
                size = 100
                overlap = 0.2
                max_window_hours = 48
                gap_hours = 3.5
                [writer]
                kind = "openai"
                model = "llama3.1"
                base_url = "http://localhost:11434/v1"
                api_key_env = "MY_KEY"
                threads = 3
                [privacy]
                mask_contacts = false
                publish_real_names = true
                [memory]
                related = "embeddings"
                count = 4
                context = 2
                [enrich]
                links = false
                images = true
                allow_network = true
                allow_private_networks = true
                """, "full");
        assertThat(c).isEqualTo(new EgregoraConfig(
                new EgregoraConfig.Site("T", "D", "https://example.org/", "pt"),
                new EgregoraConfig.Ingest("America/Sao_Paulo", "mdy"),
                new EgregoraConfig.Windowing("messages", 100L, 0.2, 48L, 3.5),
                new EgregoraConfig.Writer("openai", "llama3.1", "http://localhost:11434/v1", "MY_KEY", 3),
                new EgregoraConfig.Privacy(false, true),
                new EgregoraConfig.Memory("embeddings", 4, 2),
                new EgregoraConfig.Enrich(false, true, true, true)));
        // and what `egregora config` prints reads back the same
        assertThat(ConfigLoader.parse(ConfigLoader.toToml(c), "printed")).isEqualTo(c);
    }

    @Test
    void aPartialSectionKeepsTheOtherDefaults() {
        EgregoraConfig c = ConfigLoader.parse("[windowing]\nunit = \"hours\"\n", "partial");
        assertThat(c.windowing().unit()).isEqualTo("hours");
        assertThat(c.windowing().size()).isEqualTo(1L);
        assertThat(c.privacy().maskContacts()).isTrue();
    }

    @Test
    void unknownKeysAndBadTomlAreOneLineErrorsNamingTheKey() {
        assertThatThrownBy(() -> ConfigLoader.parse("[windowing]\nunits = \"days\"\n", "c.toml"))
                .isInstanceOf(EgregoraException.class)
                .hasMessageContaining("c.toml").hasMessageContaining("units")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> ConfigLoader.parse("[windowing\nunit=", "c.toml"))
                .isInstanceOf(EgregoraException.class).hasMessageContaining("not valid TOML");
        assertThatThrownBy(() -> ConfigLoader.parse("[windowing]\nsize = \"many\"\n", "c.toml"))
                .isInstanceOf(EgregoraException.class).hasMessageContaining("windowing.size");
    }

    @Test
    void loadsFromTheSiteOrFallsBackToDefaults(@TempDir Path site) throws Exception {
        assertThat(ConfigLoader.load(site)).isEqualTo(EgregoraConfig.defaults());
        Files.createDirectories(site.resolve(".egregora"));
        Files.writeString(site.resolve(ConfigLoader.FILE), "[site]\ntitle = \"Ours\"\n");
        assertThat(ConfigLoader.load(site).site().title()).isEqualTo("Ours");
    }
}
