package fr.anct.opencollectivites.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import fr.anct.opencollectivites.TestHttpServer;
import fr.anct.opencollectivites.collectivites.CommuneResource;
import fr.anct.opencollectivites.fiches.CompareResource;
import fr.anct.opencollectivites.fiches.FicheResource;
import fr.anct.opencollectivites.search.SearchResource;
import jakarta.ws.rs.Path;

@Tag("http")
class OpenApiResourceTest {

    @Test
    @SuppressWarnings("unchecked")
    void describesEveryDomainEndpoint() {
        try (TestHttpServer server = new TestHttpServer(new OpenApiResource())) {
            HttpResponse<String> response = server.get("/.rest/open-collectivites/v1/openapi.yaml");
            assertThat(response.statusCode()).isEqualTo(200);
            Map<String, Object> document = new Yaml().load(response.body());
            Map<String, Object> paths = (Map<String, Object>) document.get("paths");

            for (Class<?> resource : List.of(SearchResource.class, CommuneResource.class, FicheResource.class,
                    CompareResource.class, ExportResource.class)) {
                String base = resource.getAnnotation(Path.class).value();
                assertThat(paths.keySet()).as(resource.getSimpleName()).anyMatch(p -> p.startsWith(base));
            }
            // CountryExportResource's path is a pattern: its two files are named
            assertThat(paths.keySet()).contains("/.rest/open-collectivites/v1/exports/communes.csv",
                    "/.rest/open-collectivites/v1/exports/epci.csv");
        }
    }
}
