package fr.anct.opencollectivites.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/** The module's packages depend one way, from the composition root down, without cycles. */
@Tag("unit")
class LayeringTest {
    private static final JavaClasses MODULE = Layers.moduleClasses();

    @Test
    void everyPackageUsesOnlyItsLayerAndTheLayersBelow() {
        Layers.rule().check(MODULE);
    }

    @Test
    void everyPackageHasItsLayer() {
        Layers.everyClassInALayer().check(MODULE);
    }

    @Test
    void noTwoFeaturePackagesDependOnEachOther() {
        Layers.noCycles().check(MODULE);
    }

    /** The rule is not vacuous: a repository class reaching up to security (a back-edge) fails it. */
    @Test
    void aBackEdgeFailsTheRule() {
        JavaClasses withBackEdge = new ClassFileImporter().importClasses(
                fr.anct.opencollectivites.repository.backedge.BootstrapCallingSecurity.class,
                fr.anct.opencollectivites.security.AccessPolicies.class);
        assertThatThrownBy(() -> Layers.rule().check(withBackEdge))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("BootstrapCallingSecurity")
                .hasMessageContaining("AccessPolicies");
    }
}
