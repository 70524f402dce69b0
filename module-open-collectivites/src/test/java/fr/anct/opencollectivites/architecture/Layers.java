package fr.anct.opencollectivites.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

import fr.anct.opencollectivites.repository.OakRepository;

/**
 * The module's layers, one way from the composition root down (docs/architecture.md). A package may use
 * its own layer and the layers below; packages of one layer must not form a cycle; every package has a layer.
 */
final class Layers {
    static final String ROOT = "fr.anct.opencollectivites";
    /** Bottom to top: each layer's feature packages. */
    private static final Map<String, List<String>> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("Base", List.of("repository", "i18n"));
        LAYERS.put("Web", List.of("web"));
        LAYERS.put("Content", List.of("content"));
        LAYERS.put("Frameworks", List.of("imports", "search", "delivery"));
        LAYERS.put("Data", List.of("collectivites", "finances", "mairies", "elus"));
        LAYERS.put("Products", List.of("fiches", "exports", "publications", "tagging", "newsletter"));
        LAYERS.put("Security", List.of("security"));
        LAYERS.put("Editorial", List.of("publishing", "pages", "assets"));
        LAYERS.put("Sites", List.of("site", "operations"));
        LAYERS.put("Authoring", List.of("authoring"));
        LAYERS.put("Module", List.of("module"));
    }

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

    /** Each layer may be used only by the layers above it. */
    static LayeredArchitecture rule() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (Map.Entry<String, List<String>> layer : LAYERS.entrySet()) {
            layers = layers.layer(layer.getKey()).definedBy(packages(layer.getValue()));
        }
        List<String> names = new ArrayList<>(LAYERS.keySet());
        for (int i = 0; i < names.size(); i++) {
            List<String> above = names.subList(i + 1, names.size());
            layers = above.isEmpty() ? layers.whereLayer(names.get(i)).mayNotBeAccessedByAnyLayer()
                    : layers.whereLayer(names.get(i)).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
        }
        return layers;
    }

    /** A new package must be given its layer, or the layer rule would not see it. */
    static ArchRule everyClassInALayer() {
        return classes().should().resideInAnyPackage(
                packages(LAYERS.values().stream().flatMap(List::stream).toList()));
    }

    /** No cycle between two feature packages (sub-packages belong to their feature). */
    static ArchRule noCycles() {
        return slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();
    }

    private static String[] packages(List<String> features) {
        return features.stream().map(feature -> ROOT + "." + feature + "..").toArray(String[]::new);
    }
}
