package fr.anct.opencollectivites.authoring;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import javax.jcr.Node;
import javax.jcr.Session;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.anct.opencollectivites.content.WriteOutcome;
import fr.anct.opencollectivites.pages.MiniSites;
import fr.anct.opencollectivites.imports.ImportHistory;
import fr.anct.opencollectivites.security.AuditLog;
import fr.anct.opencollectivites.publishing.Drafts;
import fr.anct.opencollectivites.publishing.ItemPath;
import fr.anct.opencollectivites.publishing.ItemTypes;
import fr.anct.opencollectivites.publishing.Workflow;
import fr.anct.opencollectivites.publishing.WorkflowStatus;
import fr.anct.opencollectivites.repository.Workspaces;
import fr.anct.opencollectivites.security.SecurityPaths;
import fr.anct.opencollectivites.security.UserRequests;
import fr.anct.opencollectivites.web.ApiException;
import fr.anct.opencollectivites.web.Caller;
import fr.anct.opencollectivites.web.Json;

/**
 * The JSON authoring API, {@code /.rest/authoring/v1/…}: drafts, workflow, versions, audit, mini-sites.
 * Thin: each request runs in its caller's repository session ({@link UserRequests}); what the caller
 * may do is decided by the repository's access control.
 */
@Path("/.rest/authoring/v1")
public final class AuthoringResource {
    private static final int MAX_LIMIT = 200;
    private final UserRequests requests;
    private final Drafts drafts;
    private final Workflow workflow;
    private final AuditLog audit;
    private final MiniSites miniSites;
    private final DraftJson json;
    private final ImportHistory importHistory = new ImportHistory();

    public AuthoringResource(UserRequests requests, ItemTypes types, Drafts drafts, Workflow workflow, AuditLog audit,
                             MiniSites miniSites) {
        this.requests = requests;
        this.drafts = drafts;
        this.workflow = workflow;
        this.audit = audit;
        this.miniSites = miniSites;
        this.json = new DraftJson(types);
    }

    @GET
    @Path("drafts/{workspace}")
    public Response list(@PathParam("workspace") String workspace, @QueryParam("type") String type,
                         @QueryParam("q") String q, @QueryParam("status") String status,
                         @QueryParam("offset") @DefaultValue("0") int offset,
                         @QueryParam("limit") @DefaultValue("50") int limit, @Context ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        if (!Workspaces.LIVE.contains(workspace)) {
            throw ApiException.notFound(workspace);
        }
        if (type == null || type.isBlank()) {
            throw ApiException.badRequest("authoring.error.missingField", "type");
        }
        WorkflowStatus wanted = parseStatus(status);
        int pageSize = Math.max(1, Math.min(limit, MAX_LIMIT));
        return requests.run(caller, session -> {
            List<Node> found = drafts.list(session, workspace, type, q, wanted);
            ArrayNode results = Json.array();
            String root = Workspaces.draftRoot(workspace);
            for (Node node : found.stream().skip(Math.max(0, offset)).limit(pageSize).toList()) {
                results.add(json.render(node, node.getPath().substring(root.length())));
            }
            return Json.ok(Json.page(found.size(), offset, pageSize, results));
        });
    }

    @GET
    @Path("drafts/{workspace}/{path: .+}")
    public Response read(@PathParam("workspace") String workspace, @PathParam("path") String path,
                         @Context ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        return requests.run(caller, session -> {
            ItemPath item = ItemPath.of(workspace, path);
            ObjectNode body = json.render(drafts.read(session, item).node(), item.relativePath());
            body.put("live", session.nodeExists(item.livePath()));
            return Json.ok(body);
        });
    }

    @POST
    @Path("drafts/{workspace}/{path: .+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("workspace") String workspace, @PathParam("path") String path, String body,
                           @Context ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        JsonNode json = Json.parse(body);
        String type = Json.requiredText(json, "type");
        return requests.run(caller, session -> {
            ItemPath item = ItemPath.of(workspace, path);
            drafts.create(session, item, type, json.get("properties") == null ? Json.object() : json.get("properties"));
            audit.record(caller.userId(), "create", item.toString(), type);
            return Json.status(201, this.json.render(session.getNode(item.draftPath()), item.relativePath()));
        });
    }

    @PUT
    @Path("drafts/{workspace}/{path: .+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("workspace") String workspace, @PathParam("path") String path, String body,
                           @Context ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        JsonNode json = Json.parse(body);
        return requests.run(caller, session -> {
            ItemPath item = ItemPath.of(workspace, path);
            WriteOutcome outcome = drafts.update(session, item,
                    json.get("properties") == null ? Json.object() : json.get("properties"));
            if (outcome != WriteOutcome.UNCHANGED) {
                audit.record(caller.userId(), "update", item.toString(), null);
            }
            ObjectNode answer = this.json.render(session.getNode(item.draftPath()), item.relativePath());
            answer.put("outcome", outcome.name().toLowerCase());
            return Json.ok(answer);
        });
    }

    @DELETE
    @Path("drafts/{workspace}/{path: .+}")
    public Response delete(@PathParam("workspace") String workspace, @PathParam("path") String path,
                           @Context ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        return requests.run(caller, session -> {
            ItemPath item = ItemPath.of(workspace, path);
            drafts.delete(session, item);
            audit.record(caller.userId(), "delete", item.toString(), null);
            return Response.noContent().build();
        });
    }

    /**
     * {@code action}: submit, reject (body {@code comment}), publish, unpublish, schedule ({@code publishAt},
     * {@code unpublishAt}), edit (a draft started from the live copy of an item that has none).
     */
    @POST
    @Path("workflow/{action}/{workspace}/{path: .+}")
    public Response workflow(@PathParam("action") String action, @PathParam("workspace") String workspace,
                             @PathParam("path") String path, String body, @Context ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        JsonNode json = Json.parse(body);
        return requests.run(caller, session -> {
            ItemPath item = ItemPath.of(workspace, path);
            ObjectNode answer = Json.object();
            switch (action) {
                case "submit" -> workflow.submit(session, item);
                case "reject" -> workflow.reject(session, item, Json.requiredText(json, "comment"));
                case "publish" -> answer.put("version", workflow.publish(session, item));
                case "unpublish" -> workflow.unpublish(session, item);
                case "schedule" -> workflow.schedule(session, item, instant(json, "publishAt"), instant(json, "unpublishAt"));
                case "edit" -> {
                    drafts.editLive(session, item);
                    audit.record(caller.userId(), "create", item.toString(), "from live");
                }
                default -> throw ApiException.notFound(action);
            }
            answer.put("status", Drafts.statusOf(session.getNode(item.draftPath())).value());
            answer.put("live", session.nodeExists(item.livePath()));
            return Json.ok(answer);
        });
    }

    @GET
    @Path("versions/{workspace}/{path: .+}")
    public Response versions(@PathParam("workspace") String workspace, @PathParam("path") String path,
                             @Context ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        return requests.run(caller, session -> {
            ItemPath item = ItemPath.of(workspace, path);
            ObjectNode answer = Json.object();
            ArrayNode list = answer.putArray("versions");
            for (Workflow.VersionInfo version : workflow.versions(session, item)) {
                ObjectNode entry = list.addObject();
                entry.put("version", version.number());
                entry.put("publishedBy", version.publishedBy());
                entry.put("publishedAt", version.publishedAt().toString());
            }
            workflow.schedule(session, item).ifPresent(s -> {
                ObjectNode schedule = answer.putObject("schedule");
                schedule.put("publishAt", s.publishAt() == null ? null : s.publishAt().toString());
                schedule.put("unpublishAt", s.unpublishAt() == null ? null : s.unpublishAt().toString());
                schedule.put("scheduledBy", s.scheduledBy());
            });
            return Json.ok(answer);
        });
    }

    /** Property-by-property changes from version {@code from} to {@code to}; 0 is the current draft. */
    @GET
    @Path("diff/{workspace}/{path: .+}")
    public Response diff(@PathParam("workspace") String workspace, @PathParam("path") String path,
                         @QueryParam("from") int from, @QueryParam("to") @DefaultValue("0") int to,
                         @Context ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        return requests.run(caller, session -> {
            ObjectNode answer = Json.object();
            ArrayNode changes = answer.putArray("changes");
            for (Workflow.Change change : workflow.diff(session, ItemPath.of(workspace, path), from, to)) {
                ObjectNode entry = changes.addObject();
                entry.put("property", change.path());
                entry.put("before", change.before());
                entry.put("after", change.after());
            }
            return Json.ok(answer);
        });
    }

    @POST
    @Path("restore/{workspace}/{path: .+}")
    public Response restore(@PathParam("workspace") String workspace, @PathParam("path") String path,
                            @QueryParam("version") int version, @Context ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        return requests.run(caller, session -> {
            ObjectNode answer = Json.object();
            answer.put("version", workflow.restore(session, ItemPath.of(workspace, path), version));
            return Json.ok(answer);
        });
    }

    /** The audit log, newest first: administrators only (the repository lets no one else read it). */
    @GET
    @Path("audit")
    public Response audit(@QueryParam("limit") @DefaultValue("100") int limit, @Context ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        return requests.run(caller, session -> {
            if (!session.nodeExists(SecurityPaths.AUDIT_ROOT)) {
                throw ApiException.forbidden();
            }
            ArrayNode entries = Json.array();
            for (AuditLog.Entry entry : audit.latest(session, Math.max(1, Math.min(limit, 1000)))) {
                ObjectNode item = entries.addObject();
                item.put("at", entry.at().toString());
                item.put("who", entry.who());
                item.put("action", entry.action());
                item.put("target", entry.target());
                item.put("detail", entry.detail());
            }
            ObjectNode answer = Json.object();
            answer.set("entries", entries);
            return Json.ok(answer);
        });
    }

    /**
     * The import history, newest first ({@code limit} runs, 20 by default), each file with its counts,
     * notes and rejected rows: administrators only (the repository lets no one else read it).
     */
    @GET
    @Path("imports")
    public Response imports(@QueryParam("limit") @DefaultValue("20") int limit, @Context ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        return requests.run(caller, session -> {
            if (!session.hasPermission(ImportHistory.ROOT, Session.ACTION_READ)) {
                throw ApiException.forbidden();
            }
            ArrayNode runs = Json.array();
            for (ImportHistory.RunEntry run : importHistory.latest(session, Math.max(1, Math.min(limit, MAX_LIMIT)))) {
                runs.add(importRunJson(run));
            }
            ObjectNode answer = Json.object();
            answer.set("runs", runs);
            return Json.ok(answer);
        });
    }

    /** One run of the import history by its id ({@code 2026-01/20260115T…}), with every rejected row kept. */
    @GET
    @Path("imports/{month}/{run}")
    public Response importRun(@PathParam("month") String month, @PathParam("run") String run,
                              @Context ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        return requests.run(caller, session -> {
            if (!session.hasPermission(ImportHistory.ROOT, Session.ACTION_READ)) {
                throw ApiException.forbidden();
            }
            ImportHistory.RunEntry found = importHistory.run(session, month + "/" + run)
                    .orElseThrow(() -> ApiException.notFound(month + "/" + run));
            return Json.ok(importRunJson(found));
        });
    }

    private static ObjectNode importRunJson(ImportHistory.RunEntry run) {
        ObjectNode json = Json.object();
        json.put("id", run.id());
        json.put("started", run.started().toString());
        json.put("durationMs", run.durationMs());
        json.put("failed", run.failed());
        json.put("forced", run.forced());
        json.set("unrecognised", Json.MAPPER.valueToTree(run.unrecognised()));
        json.set("files", Json.MAPPER.valueToTree(run.files()));
        return json;
    }

    @GET
    @Path("minisites")
    public Response miniSites(@Context ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        return requests.run(caller, session -> {
            ArrayNode sites = Json.array();
            for (MiniSites.MiniSite site : miniSites.list(session)) {
                sites.addObject().put("slug", site.slug()).put("name", site.name()).put("teamGroup", site.teamGroup());
            }
            return Json.ok(Json.results(sites));
        });
    }

    @POST
    @Path("minisites")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createMiniSite(String body, @Context ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        JsonNode json = Json.parse(body);
        String slug = Json.requiredText(json, "slug");
        String name = Json.requiredText(json, "name");
        return requests.run(caller, session -> {
            MiniSites.MiniSite site = miniSites.create(session, slug, name);
            audit.record(caller.userId(), "minisite.create", slug, name);
            ObjectNode answer = Json.object();
            answer.put("slug", site.slug()).put("name", site.name()).put("teamGroup", site.teamGroup());
            return Json.status(201, answer);
        });
    }

    private static WorkflowStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return WorkflowStatus.parse(status);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("authoring.error.status", status);
        }
    }

    private static Instant instant(JsonNode json, String field) {
        String text = Json.text(json, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("authoring.error.instant", field, text);
        }
    }
}
