package dev.egregora.etl;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared corpus lives: {@code -Degregora.shared}, else {@code ../../shared} from the module. */
public final class Corpus {
    private Corpus() {
    }

    public static Path shared() {
        String prop = System.getProperty("egregora.shared");
        Path p = prop != null ? Path.of(prop) : Path.of("../../shared");
        if (!Files.isDirectory(p)) {
            p = Path.of("../../shared");
        }
        return p.toAbsolutePath().normalize();
    }

    public static Path whatsapp(String rel) {
        return shared().resolve("corpus/whatsapp").resolve(rel);
    }
}
