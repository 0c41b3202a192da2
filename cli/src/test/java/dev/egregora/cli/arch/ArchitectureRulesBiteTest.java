package dev.egregora.cli.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves every rule bites: each rejects the deliberately violating fixture set in {@code archfixture.bad} and
 * accepts the well-formed one in {@code archfixture.good} (so a rule that rejects everything fails here too).
 */
class ArchitectureRulesBiteTest {
    private static final JavaClasses BAD = new ClassFileImporter().importPackages("archfixture.bad");
    private static final JavaClasses GOOD = new ClassFileImporter().importPackages("archfixture.good");

    @TestFactory
    Stream<DynamicTest> everyRuleRejectsItsViolation() {
        return ArchitectureRules.all("archfixture.bad").stream().map(rule -> DynamicTest.dynamicTest(
                "rejects: " + rule.getDescription(),
                () -> assertThat(rule.evaluate(BAD).hasViolation()).as(rule.getDescription()).isTrue()));
    }

    @TestFactory
    Stream<DynamicTest> everyRuleAcceptsWellFormedCode() {
        return ArchitectureRules.all("archfixture.good").stream().map(rule -> DynamicTest.dynamicTest(
                "accepts: " + rule.getDescription(), () -> check(rule)));
    }

    private static void check(ArchRule rule) {
        rule.check(GOOD);
    }
}
