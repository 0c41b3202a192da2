package dev.egregora.cli.arch;

import com.google.inject.Guice;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.library.dependencies.Slice;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

import java.util.List;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module boundaries of docs/architecture.md as ArchUnit rules over a package root ({@code dev.egregora} for the
 * product; a fixture root in {@link ArchitectureRulesBiteTest} to prove each rule rejects a violation).
 */
final class ArchitectureRules {
    /** Package of each sibling module below the root. */
    static final List<String> SIBLINGS = List.of("etl", "windowing", "writer", "site", "git");

    private ArchitectureRules() {
    }

    static List<ArchRule> all(String root) {
        return List.of(coreDependsOnNoSibling(root), siblingsNeverDependOnEachOther(root),
                onlyBenchmarksSeeTheCli(root), noPackageCycles(root), jdbcOnlyInStorePackages(root),
                picocliOnlyInCli(root), standardStreamsOnlyInCli(root), onlyTheAssemblyCreatesInjectors(root));
    }

    static ArchRule coreDependsOnNoSibling(String root) {
        return noClasses().that().resideInAPackage(root + ".core..")
                .should().dependOnClassesThat().resideInAnyPackage(packagesOf(root, "etl", "windowing", "writer",
                        "site", "git", "cli", "benchmarks"))
                .as("pipeline-core depends on no sibling module");
    }

    static ArchRule siblingsNeverDependOnEachOther(String root) {
        return slices().matching(root + ".(*)..")
                .that(DescribedPredicate.describe("are sibling modules " + SIBLINGS,
                        (Slice slice) -> SIBLINGS.contains(slice.getNamePart(1))))
                .should().notDependOnEachOther()
                .as("sibling modules meet only through core's ports and the database");
    }

    static ArchRule onlyBenchmarksSeeTheCli(String root) {
        return noClasses().that().resideOutsideOfPackages(root + ".cli..", root + ".benchmarks..")
                .and().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".cli..", root + ".benchmarks..")
                .as("only cli and benchmarks assemble the modules");
    }

    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles()
                .as("no package cycles");
    }

    static ArchRule jdbcOnlyInStorePackages(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage("..store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.duckdb..")
                .as("JDBC only in ..store.. packages");
    }

    static ArchRule picocliOnlyInCli(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .as("picocli only in cli");
    }

    static ArchRule standardStreamsOnlyInCli(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".cli..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .as("System.out / System.err only in cli");
    }

    static ArchRule onlyTheAssemblyCreatesInjectors(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().doNotHaveFullyQualifiedName(root + ".cli.inject.EgregoraInjector")
                .should().callMethodWhere(target(owner(type(Guice.class))).and(target(name("createInjector"))))
                .as("only the injector assembly calls Guice.createInjector");
    }

    private static String[] packagesOf(String root, String... modules) {
        String[] out = new String[modules.length];
        for (int i = 0; i < modules.length; i++) {
            out[i] = root + "." + modules[i] + "..";
        }
        return out;
    }
}
