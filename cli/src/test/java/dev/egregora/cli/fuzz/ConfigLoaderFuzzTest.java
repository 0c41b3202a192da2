package dev.egregora.cli.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.egregora.core.EgregoraException;
import dev.egregora.core.config.ConfigLoader;
import dev.egregora.core.config.EgregoraConfig;

import java.nio.charset.StandardCharsets;

/**
 * The site config (TOML) loader on arbitrary text: a config or an {@link EgregoraException} with a one-line
 * message naming the file; an accepted config survives a write/read round trip unchanged.
 */
class ConfigLoaderFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] bytes) {
        String toml = new String(bytes, StandardCharsets.UTF_8);
        EgregoraConfig config;
        try {
            config = ConfigLoader.parse(toml, "config.toml");
        } catch (EgregoraException e) {
            Invariants.oneLine(e);
            if (!e.getMessage().startsWith("config.toml")) {
                throw new AssertionError("error does not name the file: " + e.getMessage(), e);
            }
            return;
        }
        if (config == null) {
            throw new AssertionError("null config for " + Invariants.quote(toml));
        }
        EgregoraConfig again = ConfigLoader.parse(ConfigLoader.toToml(config), "round-trip");
        if (!again.equals(config)) {
            throw new AssertionError("round trip changed the config: " + config + " -> " + again);
        }
    }
}
