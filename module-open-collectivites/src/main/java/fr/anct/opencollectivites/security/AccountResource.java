package fr.anct.opencollectivites.security;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.anct.opencollectivites.web.ApiException;
import fr.anct.opencollectivites.web.Caller;
import fr.anct.opencollectivites.web.Json;

/**
 * Users (administrators: the repository refuses everyone else) and one's own API tokens:
 * {@code GET|POST /.rest/authoring/v1/users}, {@code PUT /users/{login}} (roles, teams, disabled),
 * {@code GET|POST /tokens}, {@code DELETE /tokens/{id}}.
 */
@Path("/.rest/authoring/v1")
public final class AccountResource {
    private final UserRequests requests;
    private final Accounts accounts;
    private final ApiTokens tokens;
    private final PasswordResets resets;
    private final AuditLog audit;

    public AccountResource(UserRequests requests, Accounts accounts, ApiTokens tokens, PasswordResets resets,
                           AuditLog audit) {
        this.requests = requests;
        this.accounts = accounts;
        this.tokens = tokens;
        this.resets = resets;
        this.audit = audit;
    }

    @GET
    @Path("users")
    public Response users(@Context ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        return requests.run(caller, session -> {
            requireAdministrator(session);
            ArrayNode list = Json.array();
            for (Account account : accounts.list(session)) {
                list.add(describe(account));
            }
            return Json.ok(Json.results(list));
        });
    }

    /** Creates a user; without a password, an invitation (a reset link) is mailed. */
    @POST
    @Path("users")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body, @Context ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        JsonNode json = Json.parse(body);
        String login = Json.requiredText(json, "login");
        String password = Json.text(json, "password");
        Account created = requests.run(caller, session -> {
            requireAdministrator(session);
            Account account = accounts.create(session, login, password == null ? null : password.toCharArray(),
                    Json.text(json, "email"), Json.text(json, "fullName"), roles(json), teams(json));
            session.save();
            return account;
        });
        audit.record(caller.userId(), "user.create", login, String.valueOf(created.roles()));
        if (password == null) {
            resets.request(login);
        }
        return Json.status(201, describe(created));
    }

    @PUT
    @Path("users/{login}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("login") String login, String body, @Context ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        JsonNode json = Json.parse(body);
        Account updated = requests.run(caller, session -> {
            requireAdministrator(session);
            if (json.has("roles") || json.has("teams")) {
                accounts.setRoles(session, login, roles(json), teams(json));
            }
            if (json.has("disabled")) {
                accounts.setDisabled(session, login, json.get("disabled").asBoolean());
            }
            session.save();
            return accounts.find(session, login).orElseThrow(() -> ApiException.notFound(login));
        });
        audit.record(caller.userId(), "user.update", login, String.valueOf(updated.roles()));
        return Json.ok(describe(updated));
    }

    @GET
    @Path("tokens")
    public Response tokens(@Context ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        ArrayNode list = Json.array();
        for (ApiTokens.TokenInfo token : tokens.list(caller.userId())) {
            list.addObject().put("id", token.id()).put("name", token.name()).put("created", token.created().toString());
        }
        return Json.ok(Json.results(list));
    }

    /** The secret is in this answer only; it is stored hashed. */
    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createToken(String body, @Context ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        ApiTokens.NewToken token = tokens.create(caller.userId(), Json.text(Json.parse(body), "name"));
        audit.record(caller.userId(), "token.create", token.info().id(), token.info().name());
        ObjectNode answer = Json.object();
        answer.put("id", token.info().id()).put("name", token.info().name()).put("token", token.secret());
        return Json.status(201, answer);
    }

    @DELETE
    @Path("tokens/{id}")
    public Response revoke(@PathParam("id") String id, @Context ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        if (!tokens.revoke(caller.userId(), id)) {
            throw ApiException.notFound(id);
        }
        audit.record(caller.userId(), "token.revoke", id, null);
        return Response.noContent().build();
    }

    /** Only administrators manage users: asked of the repository (they alone read the audit), 403 for the others. */
    private static void requireAdministrator(javax.jcr.Session session) throws javax.jcr.RepositoryException {
        if (!session.nodeExists(SecurityPaths.AUDIT_ROOT)) {
            throw ApiException.forbidden();
        }
    }

    private static Set<Role> roles(JsonNode json) {
        Set<Role> roles = new LinkedHashSet<>();
        if (json.has("roles")) {
            for (JsonNode role : json.get("roles")) {
                roles.add(Role.byName(role.asText())
                        .orElseThrow(() -> ApiException.badRequest("security.account.unknownRole", role.asText())));
            }
        }
        return roles;
    }

    private static Set<String> teams(JsonNode json) {
        Set<String> teams = new LinkedHashSet<>();
        if (json.has("teams")) {
            json.get("teams").forEach(t -> teams.add(t.asText()));
        }
        return teams;
    }

    private static ObjectNode describe(Account account) {
        ObjectNode json = Json.object();
        json.put("login", account.login());
        json.put("email", account.email());
        json.put("fullName", account.fullName());
        json.put("disabled", account.disabled());
        ArrayNode roles = json.putArray("roles");
        account.roles().forEach(r -> roles.add(r.name().toLowerCase()));
        ArrayNode teams = json.putArray("teams");
        account.teams().forEach(teams::add);
        return json;
    }
}
