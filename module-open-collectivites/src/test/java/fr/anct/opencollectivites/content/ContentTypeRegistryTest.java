package fr.anct.opencollectivites.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.TestLightModule;

@Tag("unit")
class ContentTypeRegistryTest {

    @Test
    void loadsTheLightModulesContentTypes() {
        ContentTypeRegistry registry = TestLightModule.contentTypes();
        assertThat(registry.all()).extracting(ContentTypeDefinition::name)
                .contains("region", "departement", "arrondissement", "commune", "epci");
        ContentTypeDefinition commune = registry.require("commune");
        assertThat(commune.datasource().workspace()).isEqualTo("collectivites");
        assertThat(commune.datasource().rootPath()).isEqualTo("/communes");
        assertThat(commune.nodeType()).isEqualTo("oc:commune");
        assertThat(commune.property("population").orElseThrow().type().kind()).isEqualTo(PropertyType.Kind.LONG);
        assertThat(commune.property("departement").orElseThrow().type()).isEqualTo(PropertyType.parse("reference:departement"));
        assertThat(commune.property("anciensCodes").orElseThrow().multiple()).isTrue();
        assertThat(registry.byNodeType("oc:epci")).map(ContentTypeDefinition::name).contains("epci");
    }

    @Test
    void invalidYamlStopsWithFileAndLine(@TempDir Path module) throws IOException {
        Path file = write(module, "bad.yaml", """
                datasource:
                  workspace: collectivites
                model:
                  properties:
                    - name: code
                      required: [true
                """);
        assertThatThrownBy(() -> ContentTypeRegistry.load(module))
                .isInstanceOf(DefinitionException.class)
                .hasMessageStartingWith(file + ":")
                .satisfies(e -> assertThat(((DefinitionException) e).line()).isBetween(6, 7));
    }

    @Test
    void unknownTypeStopsWithTheLineOfTheProperty(@TempDir Path module) throws IOException {
        Path file = write(module, "thing.yaml", """
                datasource:
                  workspace: collectivites
                  rootPath: /things
                model:
                  nodeType: oc:thing
                  properties:
                    - name: code
                    - name: size
                      type: Integr
                """);
        assertThatThrownBy(() -> ContentTypeRegistry.load(module))
                .hasMessage(file + ":8: property 'size' has the unknown type 'Integr' (a type is String, Boolean, "
                        + "Long, Double, Decimal, Date, richText, asset, territory, url, reference:<content type> or the name of a sub-model)");
    }

    @Test
    void referenceToAnUnknownContentTypeOrAnUnknownKeyStops(@TempDir Path module) throws IOException {
        Path file = write(module, "thing.yaml", """
                datasource:
                  workspace: collectivites
                model:
                  properties:
                    - name: owner
                      type: reference:personne
                """);
        assertThatThrownBy(() -> ContentTypeRegistry.load(module))
                .hasMessage(file + ":5: property 'owner' references the unknown content type 'personne'");
        write(module, "thing.yaml", """
                datasource:
                  workspace: collectivites
                model:
                  properties:
                    - name: code
                      requierd: true
                """);
        assertThatThrownBy(() -> ContentTypeRegistry.load(module)).hasMessageContaining(":6: unknown key 'requierd'");
    }

    @Test
    void translatablePropertiesAndWorkspacesNotCreatedOnStartAreRefusedNotIgnored(@TempDir Path module) throws IOException {
        write(module, "thing.yaml", """
                datasource:
                  workspace: website
                model:
                  properties:
                    - name: title
                      i18n: true
                """);
        assertThatThrownBy(() -> ContentTypeRegistry.load(module)).hasMessageContaining(":6: 'i18n' is not supported");
        write(module, "thing.yaml", """
                datasource:
                  workspace: website
                  autoCreate: false
                model:
                  properties:
                    - name: title
                """);
        assertThatThrownBy(() -> ContentTypeRegistry.load(module)).hasMessageContaining(":3: 'autoCreate: false' is not supported");
    }

    @Test
    void subModelsAreProperties(@TempDir Path module) throws IOException {
        write(module, "mairie.yaml", """
                datasource:
                  workspace: collectivites
                model:
                  nodeType: oc:mairie
                  properties:
                    - name: horaires
                      type: plage
                      multiple: true
                  subModels:
                    - name: plage
                      properties:
                        - name: jour
                          required: true
                """);
        ContentTypeDefinition mairie = ContentTypeRegistry.load(module).require("mairie");
        assertThat(mairie.subModel("plage").orElseThrow().property("jour").orElseThrow().required()).isTrue();
    }

    private static Path write(Path module, String name, String yaml) throws IOException {
        Path dir = Files.createDirectories(module.resolve("contentTypes"));
        return Files.writeString(dir.resolve(name), yaml);
    }
}
