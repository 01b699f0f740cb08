package io.brainstem.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.brainstem.adapters.http.ApiLimits;
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

    @Test
    void jdbcInTheDomainIsCaught() {
        JavaClasses classes = productionPlus(DomainClassThatUsesJdbc.class);
        AssertionError error = assertThrows(AssertionError.class,
                () -> ArchitectureRules.coreIsFrameworkFree().check(classes));
        assertTrue(error.getMessage().contains("DomainClassThatUsesJdbc"));
    }

    @Test
    void domainDependingOnAnAdapterBreaksTheHexagon() {
        JavaClasses classes = productionPlus(DomainClassThatUsesAnAdapter.class, ApiLimits.class);
        AssertionError error = assertThrows(AssertionError.class,
                () -> ArchitectureRules.hexagon().check(classes));
        assertTrue(error.getMessage().contains("DomainClassThatUsesAnAdapter"));
    }

    @Test
    void misspeltPackageFailsInsteadOfPassingEmpty() {
        JavaClasses none = new ClassFileImporter().importClasses(ApiLimits.class);
        assertThrows(AssertionError.class, () -> ArchitectureRules.coreIsFrameworkFree().check(none));
    }
}
