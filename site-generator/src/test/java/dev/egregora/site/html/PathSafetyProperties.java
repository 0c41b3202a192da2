package dev.egregora.site.html;

import dev.egregora.core.EgregoraException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PathSafetyProperties {
    private static final OutputDir OUT = new OutputDir(Path.of("/tmp/egregora-out"));

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("./\\:%aZ0 -\u0000").ofMaxLength(20),
                Arbitraries.of("..", "../x", "a/../../b", "/etc/passwd", "C:\\x", "a//b", "./a", "a/./b", "..\\x"));
    }

    @Property
    void slugsAreAlwaysSafeFileNames(@ForAll("hostile") String text) {
        String slug = Slugs.of(text);
        assertThat(slug).matches("[a-z0-9]+(-[a-z0-9]+)*").hasSizeLessThanOrEqualTo(89);
        assertThat(OUT.resolve("posts/" + slug + ".html").startsWith(OUT.root())).isTrue();
    }

    @Property
    void differentTextsGetDifferentSlugs(@ForAll("hostile") String a, @ForAll("hostile") String b) {
        if (!a.equals(b)) {
            assertThat(Slugs.of(a)).isNotEqualTo(Slugs.of(b));
        }
    }

    @Property
    void outputPathsNeverEscape(@ForAll("hostile") String rel) {
        try {
            Path p = OUT.resolve(rel);
            assertThat(p.normalize().startsWith(OUT.root())).isTrue();
            assertThat(p.normalize()).isNotEqualTo(OUT.root());
        } catch (EgregoraException refused) {
            assertThat(refused.getMessage()).startsWith("refusing unsafe output path");
        }
    }

    @Property
    void mediaPathsStayUnderMedia(@ForAll("hostile") String rel) {
        String safe = SitePlanner.safeMediaPath(rel);
        if (safe != null) {
            assertThat(safe).startsWith("media/");
            assertThat(OUT.resolve(safe).startsWith(OUT.root().resolve("media"))).isTrue();
        }
    }

    @Property
    void unsafeExamplesAreRefused() {
        for (String bad : new String[] {"..", "../x", "a/../../b", "/etc/passwd", "C:\\x", "a//b", ""}) {
            assertThatThrownBy(() -> OUT.resolve(bad)).isInstanceOf(EgregoraException.class);
        }
    }
}
