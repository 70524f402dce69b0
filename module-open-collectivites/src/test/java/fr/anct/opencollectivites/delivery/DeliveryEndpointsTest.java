package fr.anct.opencollectivites.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.DefinitionException;

@Tag("unit")
class DeliveryEndpointsTest {
    private final ContentTypeRegistry types = TestLightModule.contentTypes();

    @Test
    void loadsTheLightModuleEndpoints() {
        DeliveryEndpoints endpoints = DeliveryEndpoints.load(TestLightModule.dir());
        assertThat(endpoints.all()).extracting(DeliveryEndpointDefinition::name)
                .containsExactlyInAnyOrder("regions", "departements", "arrondissements", "communes", "anciennes-communes", "epci",
                        "mairies", "elus", "finances",
                        "publications", "publications-sources", "publications-themes", "publications-organisations",
                        "publications-document-types", "publications-scopes", "pages");
        DeliveryEndpointDefinition communes = endpoints.byName("communes").orElseThrow();
        assertThat(communes.workspace()).isEqualTo("collectivites");
        assertThat(communes.rootPath()).isEqualTo("/communes");
        assertThat(communes.rootAbsolutePath()).isEqualTo("/collectivites/communes");
        assertThat(communes.nodeTypes()).containsExactly("oc:commune");
        assertThat(communes.limit()).isEqualTo(20);
        assertThat(communes.maxLimit()).isEqualTo(100);
        assertThat(communes.includeSystemProperties()).isTrue();
        assertThat(communes.references()).extracting(DeliveryEndpointDefinition.Reference::propertyName)
                .containsExactly("departement", "region");
        assertThat(communes.absolutePath("/01/01001")).isEqualTo("/collectivites/communes/01/01001");
        assertThat(communes.workspacePath("/collectivites/communes/01/01001")).isEqualTo("/communes/01/01001");
    }

    @Test
    void defaultsFollowMagnoliaWithOurMaximumPageSize(@TempDir Path module) throws IOException {
        write(module, "minimal.yaml", "workspace: collectivites\nrootPath: /regions\nnodeTypes: [oc:region]\n");
        DeliveryEndpointDefinition endpoint = DeliveryEndpoints.load(module, types).byName("minimal").orElseThrow();
        assertThat(endpoint.limit()).isEqualTo(10);
        assertThat(endpoint.maxLimit()).isEqualTo(100);
        assertThat(endpoint.depth()).isZero();
        assertThat(endpoint.references()).isEmpty();
    }

    @Test
    void aBrokenValueStopsLoadingWithFileAndLine(@TempDir Path module) throws IOException {
        write(module, "broken.yaml", "workspace: collectivites\nrootPath: /communes\nnodeTypes: [oc:commune]\n"
                + "depth: deux\n");
        assertThatThrownBy(() -> DeliveryEndpoints.load(module, types))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("broken.yaml:4:")
                .hasMessageContaining("depth");
    }

    @Test
    void anUnknownKeyOrBadReferenceStopsLoadingWithFileAndLine(@TempDir Path module) throws IOException {
        write(module, "typo.yaml", "workspace: collectivites\nnodeTypes: [oc:commune]\nrootPaht: /communes\n");
        assertThatThrownBy(() -> DeliveryEndpoints.load(module, types))
                .isInstanceOf(DefinitionException.class).hasMessageContaining("typo.yaml:3:").hasMessageContaining("rootPaht");

        Files.delete(module.resolve("restEndpoints/delivery/typo.yaml"));
        write(module, "ref.yaml", """
                workspace: collectivites
                rootPath: /communes
                nodeTypes: [oc:commune]
                references:
                  - name: nomReference
                    propertyName: nom
                """);
        assertThatThrownBy(() -> DeliveryEndpoints.load(module, types))
                .isInstanceOf(DefinitionException.class).hasMessageContaining("ref.yaml:6:").hasMessageContaining("nom");
    }

    @Test
    void bypassingAclsAndUnsafeRootPathsAreRefused(@TempDir Path module) throws IOException {
        write(module, "bypass.yaml", "workspace: collectivites\nnodeTypes: [oc:commune]\nbypassWorkspaceAcls: true\n");
        assertThatThrownBy(() -> DeliveryEndpoints.load(module, types))
                .isInstanceOf(DefinitionException.class).hasMessageContaining("bypass.yaml:3:");
        Files.delete(module.resolve("restEndpoints/delivery/bypass.yaml"));
        write(module, "quote.yaml", "workspace: collectivites\nnodeTypes: [oc:commune]\nrootPath: \"/a') OR x\"\n");
        assertThatThrownBy(() -> DeliveryEndpoints.load(module, types))
                .isInstanceOf(DefinitionException.class).hasMessageContaining("quote.yaml:3:");
    }

    private static void write(Path module, String name, String yaml) throws IOException {
        Path dir = Files.createDirectories(module.resolve("restEndpoints/delivery"));
        Files.writeString(dir.resolve(name), yaml);
    }
}
