package fr.anct.opencollectivites.assets;

import java.io.InputStream;
import java.util.Optional;

import javax.jcr.Node;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import fr.anct.opencollectivites.repository.OakRepository;

/**
 * Public asset URLs, {@code GET /.rest/assets/<id>/<sha-256>/<name>[?w=320|640|1280]} (an image not wider
 * than the width asked is sent as it is, {@link AssetStore#resource}): the hash in the URL makes it
 * immutable, so answers are cached for a year ({@code immutable}) with a strong ETag.
 * Read with the anonymous session; never sniffed by browsers ({@code nosniff}); PDFs download.
 */
@Path("/.rest/assets")
public final class AssetResource {
    private static final String YEAR = "public, max-age=31536000, immutable";
    private final OakRepository repository;
    private final AssetStore store;

    public AssetResource(OakRepository repository, AssetStore store) {
        this.repository = repository;
        this.store = store;
    }

    /** @param original the original file is sent (no width asked, or the image is not wider than asked) */
    private record Content(byte[] bytes, String mimeType, String fileName, boolean original) {
    }

    @GET
    @Path("{id}/{sha}/{name}")
    public Response get(@PathParam("id") String id, @PathParam("sha") String sha, @PathParam("name") String name,
                        @QueryParam("w") Integer width, @Context Request request) {
        Optional<Content> content = repository.withAnonymousSession(session -> {
            Optional<Node> asset = store.find(session, id, sha);
            Optional<Node> resource = asset.isEmpty() ? Optional.empty() : AssetStore.resource(asset.get(), width);
            if (resource.isEmpty()) {
                return Optional.empty();
            }
            try (InputStream in = resource.get().getProperty("jcr:data").getBinary().getStream()) {
                return Optional.of(new Content(in.readAllBytes(), resource.get().getProperty("jcr:mimeType").getString(),
                        asset.get().getProperty("fileName").getString(), resource.get().getName().equals("jcr:content")));
            } catch (java.io.IOException e) {
                throw new javax.jcr.RepositoryException(e);
            }
        });
        if (content.isEmpty()) {
            return Response.status(404).header("Cache-Control", "no-store").build();
        }
        // The tag names the bytes sent: the original's for any URL that sends the original.
        EntityTag etag = new EntityTag(sha + (content.get().original() ? "" : "-w" + width));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.tag(etag).header("Cache-Control", YEAR).build();
        }
        Content found = content.get();
        String disposition = (found.mimeType().startsWith("image/") ? "inline" : "attachment")
                + "; filename=\"" + found.fileName() + "\"";
        return Response.ok((StreamingOutput) out -> out.write(found.bytes()), found.mimeType())
                .tag(etag).header("Cache-Control", YEAR).header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", disposition)
                .header("Content-Security-Policy", "default-src 'none'; sandbox").build();
    }
}
