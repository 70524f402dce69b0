package fr.anct.opencollectivites.exports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** {@code GET /.rest/open-collectivites/v1/openapi.yaml}: the OpenAPI description of the domain API. */
@Path("/.rest/open-collectivites/v1/openapi.yaml")
public final class OpenApiResource {
    private static final String DOCUMENT = "/openapi/open-collectivites-v1.yaml";
    private final byte[] document;

    public OpenApiResource() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + DOCUMENT);
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    public Response document() {
        return Response.ok(document).type("application/yaml; charset=UTF-8")
                .header("Cache-Control", "public, max-age=3600").build();
    }
}
