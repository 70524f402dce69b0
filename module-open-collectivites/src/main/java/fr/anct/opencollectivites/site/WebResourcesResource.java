package fr.anct.opencollectivites.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /.resources/open-collectivites/<fingerprint>/webresources/<file>}: the site's static files.
 * Under the current fingerprint a file is immutable for a year; under another (a page cached before a
 * deployment) it is still served, with a short lifetime.
 */
@jakarta.ws.rs.Path("/.resources/open-collectivites/{fingerprint}/webresources/{file: .+}")
public final class WebResourcesResource {
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String SHORT = "public, max-age=300";
    private final WebResources resources;

    public WebResourcesResource(WebResources resources) {
        this.resources = resources;
    }

    @GET
    public Response file(@PathParam("fingerprint") String fingerprint, @PathParam("file") String file,
                         @Context Request request) {
        Optional<Path> found = resources.file(file);
        if (found.isEmpty()) {
            throw new NotFoundException();
        }
        EntityTag tag = new EntityTag(resources.fingerprint() + "-" + file.hashCode());
        boolean current = resources.fingerprint().equals(fingerprint);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.header("Cache-Control", current ? IMMUTABLE : SHORT).build();
        }
        try {
            byte[] bytes = Files.readAllBytes(found.get());
            return Response.ok(bytes, WebResources.contentType(file)).tag(tag)
                    .header("Cache-Control", current ? IMMUTABLE : SHORT).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
