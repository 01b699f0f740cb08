package io.brainstem.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.brainstem.adapters.http.ApiLimits;
import io.brainstem.adapters.http.archfixture.HttpClassThatUsesTheMetricsAdapter;
import io.brainstem.application.archfixture.ApplicationClassThatCountsWithMicrometer;
import io.brainstem.domain.archfixture.DomainClassThatUsesAnAdapter;
import io.brainstem.domain.archfixture.DomainClassThatUsesJdbc;
import org.junit.jupiter.api.Test;

/** Proves the rules bite: the same rules, over real classes that break them, fail. */
class ArchitectureRulesDetectViolationsTest {

    private static JavaClasses productionPlus(Class<?>... violators) {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.brainstem");
        JavaClasses extra = new ClassFileImporter().importClasses(violators);
        java.util.List<com.tngtech.archunit.core.domain.JavaClass> all = new java.util.ArrayList<>(production);
        all.addAll(extra);
        return new ClassFileImporter().importClasses(all.stream().map(c -> c.reflect()).toList()
                .toArray(new Class<?>[0]));
    }

    /** {@code rule} over the production classes plus {@code violator} (and what it needs) fails, naming it. */
    private static void assertCaught(com.tngtech.archunit.lang.ArchRule rule, Class<?> violator, Class<?>... needed) {
        Class<?>[] extra = java.util.stream.Stream.concat(java.util.stream.Stream.of(violator),
                java.util.Arrays.stream(needed)).toArray(Class<?>[]::new);
        JavaClasses classes = productionPlus(extra);
        AssertionError error = assertThrows(AssertionError.class, () -> rule.check(classes));
        assertTrue(error.getMessage().contains(violator.getSimpleName()), error.getMessage());
    }

    @Test
    void jdbcInTheDomainIsCaught() {
        assertCaught(ArchitectureRules.coreIsFrameworkFree(), DomainClassThatUsesJdbc.class);
    }

    @Test
    void domainDependingOnAnAdapterBreaksTheHexagon() {
        assertCaught(ArchitectureRules.hexagon(), DomainClassThatUsesAnAdapter.class, ApiLimits.class);
    }

    @Test
    void micrometerInTheApplicationIsCaught() {
        assertCaught(ArchitectureRules.coreIsFrameworkFree(), ApplicationClassThatCountsWithMicrometer.class);
    }

    @Test
    void anAdapterUsingTheMetricsAdapterBreaksTheHexagon() {
        assertCaught(ArchitectureRules.hexagon(), HttpClassThatUsesTheMetricsAdapter.class);
    }

    @Test
    void misspeltPackageFailsInsteadOfPassingEmpty() {
        JavaClasses none = new ClassFileImporter().importClasses(ApiLimits.class);
        assertThrows(AssertionError.class, () -> ArchitectureRules.coreIsFrameworkFree().check(none));
    }
}
