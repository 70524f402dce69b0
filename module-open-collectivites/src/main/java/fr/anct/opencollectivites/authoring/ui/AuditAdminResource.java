package fr.anct.opencollectivites.authoring.ui;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import fr.anct.opencollectivites.security.AuditLog;
import fr.anct.opencollectivites.security.AuditSearch;
import fr.anct.opencollectivites.security.UserSessions;

/**
 * {@code /auteur/admin/journal?qui=&action=&du=&au=&page=}: the audit log, newest first, filtered and
 * paged, read in the administrator's own session (nobody else can read it).
 */
@AuthorPage
@Path("auteur/admin/journal")
public final class AuditAdminResource {
    static final int PAGE_SIZE = 50;
    /** The actions the platform records, offered in the filter. */
    static final List<String> ACTIONS = List.of("login", "login.failed", "logout", "create", "update", "delete", "rename",
            "submit", "reject", "publish", "unpublish", "schedule", "restore", "user.create", "user.update",
            "user.reset", "token.create", "token.revoke", "minisite.create", "asset.upload", "source.harvest",
            "import.force");
    private final AdminPages admin;
    private final UserSessions userSessions;
    private final AuditSearch search = new AuditSearch();
    @Context
    private UriInfo uri;
    @Context
    private SecurityContext security;

    AuditAdminResource(AdminPages admin, UserSessions userSessions) {
        this.admin = admin;
        this.userSessions = userSessions;
    }

    /** An entry as shown. */
    public record EntryRow(String at, String iso, String who, String action, String target, String detail) {
    }

    @GET
    public Response log(@QueryParam("qui") String who, @QueryParam("action") String action,
                        @QueryParam("du") String from, @QueryParam("au") String to, @QueryParam("page") Integer page) {
        AdminPages.Gate gate = admin.administrator(security, uri);
        if (gate.refused()) {
            return gate.refusal();
        }
        Map<String, String> errors = new HashMap<>();
        LocalDate fromDate = date(from, "du", errors);
        LocalDate toDate = date(to, "au", errors);
        String actionFilter = action != null && ACTIONS.contains(action.strip()) ? action.strip() : "";
        AuditSearch.Filter filter = new AuditSearch.Filter(who, actionFilter, fromDate, toDate);
        int number = page == null ? 1 : Math.max(1, Math.min(page, 100_000));
        AuditSearch.Page found = userSessions.as(gate.session().userId(),
                s -> search.search(s, filter, number, PAGE_SIZE));
        List<EntryRow> rows = new ArrayList<>();
        for (AuditLog.Entry e : found.entries()) {
            rows.add(new EntryRow(UiDates.format(e.at()), UiDates.iso(e.at()), e.who(), e.action(), e.target(),
                    e.detail() == null ? "" : e.detail()));
        }
        Map<String, String> actions = new LinkedHashMap<>();
        for (String a : ACTIONS) {
            String key = "authoring.ui.admin.audit.action." + a;
            String label = admin.messages().get(key);
            actions.put(a, label.equals(key) ? a : label);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("entries", rows);
        model.put("actions", actions);
        model.put("qui", who == null ? "" : who.strip());
        model.put("actionFilter", actionFilter);
        model.put("du", from == null ? "" : from.strip());
        model.put("au", to == null ? "" : to.strip());
        model.put("errors", errors);
        model.put("page", found.number());
        String query = query(who, actionFilter, from, to);
        if (found.number() > 1) {
            model.put("previous", "/auteur/admin/journal?" + query + "page=" + (found.number() - 1));
        }
        if (found.hasNext()) {
            model.put("next", "/auteur/admin/journal?" + query + "page=" + (found.number() + 1));
        }
        model.put("title", admin.messages().get("authoring.ui.admin.audit.title"));
        return admin.render(errors.isEmpty() ? 200 : 400, "authoring-admin-audit", "journal", uri, gate.session(), model);
    }

    private LocalDate date(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, admin.messages().get("authoring.ui.admin.audit.badDate"));
            return null;
        }
    }

    private static String query(String who, String action, String from, String to) {
        StringBuilder query = new StringBuilder();
        append(query, "qui", who);
        append(query, "action", action);
        append(query, "du", from);
        append(query, "au", to);
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append(name).append('=')
                    .append(java.net.URLEncoder.encode(value.strip(), java.nio.charset.StandardCharsets.UTF_8)).append('&');
        }
    }
}
