package fr.anct.opencollectivites.assets;

import java.io.InputStream;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.anct.opencollectivites.web.ApiException;
import fr.anct.opencollectivites.web.Caller;
import fr.anct.opencollectivites.web.Json;
import fr.anct.opencollectivites.security.UserRequests;
import fr.anct.opencollectivites.security.AuditLog;

/**
 * {@code POST /.rest/authoring/v1/assets/{editorial | sites/<slug>}?name=<file name>} with the file as
 * the raw request body (any content type: the bytes decide). Answers the asset and its public URL.
 * The body is read up to the size limit plus one byte, whatever Content-Length claims.
 */
@Path("/.rest/authoring/v1/assets")
public final class AssetUploadResource {
    private final UserRequests requests;
    private final AssetStore store;
    private final AuditLog audit;

    public AssetUploadResource(UserRequests requests, AssetStore store, AuditLog audit) {
        this.requests = requests;
        this.store = store;
        this.audit = audit;
    }

    @POST
    @Path("{folder: editorial|sites/[a-z0-9-]+}")
    public Response upload(@PathParam("folder") String folder, @QueryParam("name") String name,
                           InputStream body,
                           @Context ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        try {
            AssetStore.Asset asset = requests.run(caller, session -> store.store(session, folder, name, body));
            audit.record(caller.userId(), "asset.upload", asset.id(), asset.fileName());
            ObjectNode json = Json.object();
            json.put("id", asset.id()).put("fileName", asset.fileName()).put("mimeType", asset.mimeType())
                    .put("size", asset.size()).put("sha256", asset.sha256()).put("url", asset.url());
            if (asset.width() != null) {
                json.put("width", asset.width()).put("height", asset.height());
            }
            ArrayNode widths = json.putArray("widths");
            asset.widths().forEach(widths::add);
            return Json.status(201, json);
        } catch (AssetException e) {
            throw new ApiException(e.status(), e.status() == 413 ? "tooLarge" : e.status() == 415 ? "unsupportedType"
                    : "badRequest", e.key(), e.args());
        }
    }
}
