package io.brainstem.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hexagon's rules over the real production classes of every module. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.brainstem");
        if (classes.size() < 50) {
            throw new AssertionError("expected the production classes of all modules, found " + classes.size());
        }
    }

    @Test
    void layersFollowTheHexagon() {
        ArchitectureRules.hexagon().check(classes);
    }

    @Test
    void domainAndApplicationUseNoFramework() {
        ArchitectureRules.coreIsFrameworkFree().check(classes);
    }

    @Test
    void onlyBootstrapWires() {
        ArchitectureRules.nothingDependsOnBootstrap().check(classes);
    }

    @Test
    void noCyclesBetweenModulesOrDomainPackages() {
        ArchitectureRules.noCycles().check(classes);
        ArchitectureRules.noDomainCycles().check(classes);
    }
}
