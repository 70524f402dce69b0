package fr.anct.opencollectivites.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.net.URISyntaxException;
import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

import fr.anct.opencollectivites.repository.OakRepository;

/**
 * The module's layers, one way from the composition root down (docs/architecture.md). A package may use
 * its own layer and the layers below; packages of one layer must not form a cycle.
 */
final class Layers {
    static final String ROOT = "fr.anct.opencollectivites";

    private Layers() {
    }

    /** The module's production classes (its output folder only: scanning the class path is slow). */
    static JavaClasses moduleClasses() {
        try {
            Path classes = Path.of(OakRepository.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPath(classes);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static LayeredArchitecture rule() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Base").definedBy(pkg("repository"), pkg("i18n"))
                .layer("Web").definedBy(pkg("web"))
                .layer("Content").definedBy(pkg("content"))
                .layer("Frameworks").definedBy(pkg("imports"), pkg("search"), pkg("delivery"))
                .layer("Data").definedBy(pkg("collectivites"), pkg("finances"), pkg("mairies"), pkg("elus"))
                .layer("Products").definedBy(pkg("fiches"), pkg("exports"), pkg("publications"), pkg("tagging"),
                        pkg("newsletter"))
                .layer("Security").definedBy(pkg("security"))
                .layer("Editorial").definedBy(pkg("publishing"), pkg("pages"), pkg("assets"))
                .layer("Sites").definedBy(pkg("site"), pkg("operations"))
                .layer("Authoring").definedBy(pkg("authoring"))
                .layer("Module").definedBy(pkg("module"))

                .whereLayer("Module").mayNotBeAccessedByAnyLayer()
                .whereLayer("Authoring").mayOnlyBeAccessedByLayers("Module")
                .whereLayer("Sites").mayOnlyBeAccessedByLayers("Authoring", "Module")
                .whereLayer("Editorial").mayOnlyBeAccessedByLayers("Sites", "Authoring", "Module")
                .whereLayer("Security").mayOnlyBeAccessedByLayers("Editorial", "Sites", "Authoring", "Module")
                .whereLayer("Products").mayOnlyBeAccessedByLayers("Security", "Editorial", "Sites", "Authoring", "Module")
                .whereLayer("Data").mayOnlyBeAccessedByLayers("Products", "Security", "Editorial", "Sites", "Authoring",
                        "Module")
                .whereLayer("Frameworks").mayOnlyBeAccessedByLayers("Data", "Products", "Security", "Editorial", "Sites",
                        "Authoring", "Module")
                .whereLayer("Content").mayOnlyBeAccessedByLayers("Frameworks", "Data", "Products", "Security",
                        "Editorial", "Sites", "Authoring", "Module")
                .whereLayer("Web").mayOnlyBeAccessedByLayers("Content", "Frameworks", "Data", "Products", "Security",
                        "Editorial", "Sites", "Authoring", "Module")
                .whereLayer("Base").mayOnlyBeAccessedByLayers("Web", "Content", "Frameworks", "Data", "Products",
                        "Security", "Editorial", "Sites", "Authoring", "Module");
    }

    /** No cycle between two feature packages (sub-packages belong to their feature). */
    static ArchRule noCycles() {
        return slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();
    }

    private static String pkg(String feature) {
        return ROOT + "." + feature + "..";
    }
}
