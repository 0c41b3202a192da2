package dev.egregora.cli.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.egregora.site.mkdocs.MkDocsExporter;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The MkDocs export's front matter values (post titles, summaries, tags and author names come from chat text) on
 * arbitrary text: each value is one line of YAML that a YAML 1.1 reader (SnakeYAML, like MkDocs' PyYAML) reads
 * back as exactly the text, so no value can end the front matter, add a key or make MkDocs refuse the file.
 */
class FrontMatterFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void quote(byte[] bytes) {
        String value = new String(bytes, StandardCharsets.UTF_8); // chat text is decoded UTF-8: no lone surrogates
        String line = "title: " + MkDocsExporter.quote(value);
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new AssertionError("a front matter value spans lines: " + Invariants.quote(value));
        }
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load("---\n" + line + "\nslug: \"x\"\n");
        } catch (YAMLException e) {
            throw new AssertionError("front matter a YAML reader refuses, for " + Invariants.quote(value) + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (!(doc instanceof Map<?, ?> map) || map.size() != 2 || !value.equals(map.get("title"))
                || !"x".equals(map.get("slug"))) {
            throw new AssertionError("front matter read back as " + doc + " for " + Invariants.quote(value));
        }
    }
}
