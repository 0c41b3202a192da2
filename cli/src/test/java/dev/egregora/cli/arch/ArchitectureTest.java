package dev.egregora.cli.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The product's classes (every module's main code on this module's classpath) obey every boundary rule. */
class ArchitectureTest {
    private static final String ROOT = "dev.egregora";
    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                // only our own modules' classes (their jars or class folders); skips scanning every library jar
                .withImportOption(location -> location.contains("egregora") || location.contains("/target/classes"))
                .importPackages(ROOT);
    }

    @Test
    void everyModuleIsOnTheClasspath() {
        for (String module : new String[] {"core", "etl", "windowing", "writer", "site", "git", "cli"}) {
            String pkg = ROOT + "." + module + ".inject";
            assertThat(product.stream().filter(c -> c.getPackageName().equals(pkg)))
                    .as("classes of module %s imported", module).isNotEmpty();
        }
    }

    @TestFactory
    Stream<DynamicTest> productObeysEveryRule() {
        return ArchitectureRules.all(ROOT).stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> check(rule)));
    }

    private static void check(ArchRule rule) {
        rule.check(product);
    }
}
