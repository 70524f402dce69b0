package fr.anct.opencollectivites.authoring.publications;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.anct.opencollectivites.web.ApiException;
import fr.anct.opencollectivites.web.Caller;
import fr.anct.opencollectivites.web.Json;
import fr.anct.opencollectivites.publications.harvest.SourceRun;
import fr.anct.opencollectivites.security.UserRequests;

/**
 * {@code GET /.rest/authoring/v1/sources}: the sources with their last run and whether the caller may harvest
 * each; {@code POST /.rest/authoring/v1/sources/{code}/harvest}: harvest one now ({@link HarvestNow}: the
 * caller's repository session must be allowed to change the source, else 403; an unknown source 404; a
 * harvest of it already running 409). The answer is the run: {@code status} {@code ok}, {@code notModified}
 * or {@code error} with the French {@code error} (a failed harvest is still a 200: the request was done).
 */
@Path("/.rest/authoring/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
public final class HarvestNowResource {
    private final UserRequests requests;
    private final HarvestNow harvestNow;

    public HarvestNowResource(UserRequests requests, HarvestNow harvestNow) {
        this.requests = requests;
        this.harvestNow = harvestNow;
    }

    @GET
    public Response list(@Context ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        ArrayNode results = Json.array();
        for (HarvestNow.SourceRow row : requests.run(caller, harvestNow::sources)) {
            ObjectNode source = results.addObject().put("code", row.code()).put("name", row.name())
                    .put("kind", row.kind()).put("url", row.url()).put("enabled", row.enabled())
                    .put("autoPublish", row.autoPublish())
                    .put("lastRunAt", row.lastRunAt() == null ? null : row.lastRunAt().toString())
                    .put("lastStatus", row.lastStatus()).put("lastError", row.lastError())
                    .put("mayHarvest", row.mayHarvest());
            if (row.lastItemCount() != null) {
                source.put("lastItemCount", row.lastItemCount());
            }
        }
        return Json.ok(Json.results(results));
    }

    @POST
    @Path("{code}/harvest")
    public Response harvest(@PathParam("code") String code, @Context ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        SourceRun run = requests.run(caller, session -> {
            try {
                return harvestNow.harvest(session, caller.userId(), code);
            } catch (HarvestNow.Refused e) {
                throw switch (e.reason()) {
                    case NOT_FOUND -> new ApiException(404, "notFound", e.key(), code);
                    case FORBIDDEN -> new ApiException(403, "forbidden", e.key(), code);
                    case RUNNING -> new ApiException(409, "conflict", e.key(), code);
                };
            }
        });
        ObjectNode body = Json.object().put("source", run.source()).put("status", run.status().value())
                .put("created", run.created()).put("updated", run.updated()).put("unchanged", run.unchanged())
                .put("error", run.error());
        return Json.ok(body);
    }
}
