package dev.egregora.core.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.egregora.core.EgregoraException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads and writes {@code SITE/.egregora/config.toml}. Unknown keys are an error, so a typo never goes unnoticed. */
public final class ConfigLoader {
    public static final String FILE = ".egregora/config.toml";

    private static final ObjectMapper TOML = TomlMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ConfigLoader() {
    }

    /** The site's config, or the defaults when it has no config file. */
    public static EgregoraConfig load(Path site) {
        Path file = site.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return EgregoraConfig.defaults();
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new EgregoraException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses TOML text; {@code source} names it in errors. */
    public static EgregoraConfig parse(String toml, String source) {
        try {
            EgregoraConfig config = TOML.readValue(toml, EgregoraConfig.class);
            return config == null ? EgregoraConfig.defaults() : config;
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : String.valueOf(r.getIndex())).collect(Collectors.joining("."));
            String what = e.getOriginalMessage().split("\n", 2)[0];
            throw new EgregoraException(source + ": bad setting '" + path + "': " + shorten(what), e);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new EgregoraException(source + ": not valid TOML" + where + ": "
                    + shorten(e.getOriginalMessage().split("\n", 2)[0]), e);
        }
    }

    /** The effective values as TOML (what {@code egregora config} prints). */
    public static String toToml(EgregoraConfig config) {
        try {
            return TOML.writeValueAsString(config);
        } catch (JacksonException e) {
            throw new IllegalStateException("config is always serialisable", e);
        }
    }

    /** The commented default file that {@code egregora init} writes. */
    public static String template() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("config-template.toml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("config-template.toml is packaged with the jar", e);
        }
    }

    private static String shorten(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
