package io.brainstem.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/** The layering rules of brainstem's hexagon, shared by the real check and the self-test. */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Domain in the centre, application around it, adapters outside, bootstrap wiring everything. */
    static ArchRule hexagon() {
        return onionArchitecture()
                .domainModels("io.brainstem.domain..")
                .applicationServices("io.brainstem.application..")
                .adapter("http", "io.brainstem.adapters.http..")
                .adapter("persistence", "io.brainstem.adapters.persistence..")
                .adapter("syslog", "io.brainstem.adapters.syslog..")
                .adapter("logicmonitor", "io.brainstem.adapters.logicmonitor..")
                .adapter("metrics", "io.brainstem.adapters.metrics..")
                // layers may be empty (the syslog adapter arrives later); failOnEmptyShould still
                // guards the other rules, and the self-test proves this one bites
                .withOptionalLayers(true)
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("io.brainstem.bootstrap.."),
                        DescribedPredicate.alwaysTrue());
    }

    /** No framework type in the domain or the application. */
    static ArchRule coreIsFrameworkFree() {
        return noClasses().that().resideInAnyPackage("io.brainstem.domain..", "io.brainstem.application..")
                .should().dependOnClassesThat().resideInAnyPackage("io.helidon..", "org.apache.ibatis..",
                        "java.sql..", "javax.sql..", "com.fasterxml..", "org.flywaydb..", "org.sqlite..",
                        "picocli..", "io.micrometer..", "io.prometheus..")
                .allowEmptyShould(false);
    }

    /** Bootstrap is the only place that knows every adapter; nothing depends on it. */
    static ArchRule nothingDependsOnBootstrap() {
        return noClasses().that().resideOutsideOfPackage("io.brainstem.bootstrap..")
                .should().dependOnClassesThat().resideInAPackage("io.brainstem.bootstrap..")
                .allowEmptyShould(false);
    }

    /** No package cycles among the top-level slices. */
    static ArchRule noCycles() {
        return slices().matching("io.brainstem.(*)..").should().beFreeOfCycles().allowEmptyShould(false);
    }

    static ArchRule noDomainCycles() {
        return slices().matching("io.brainstem.domain.(*)..").should().beFreeOfCycles().allowEmptyShould(false);
    }
}
