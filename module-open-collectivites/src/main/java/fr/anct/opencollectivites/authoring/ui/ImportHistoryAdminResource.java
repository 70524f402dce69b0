package fr.anct.opencollectivites.authoring.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import fr.anct.opencollectivites.imports.ImportHistory;
import fr.anct.opencollectivites.security.UserSessions;

/**
 * {@code /auteur/admin/imports}: the latest import runs (command line, schedule), each file with its
 * counts, notes and first rejected rows; {@code /auteur/admin/imports/{month}/{run}} one run with every
 * rejected row the history keeps. Read in the administrator's own session: the history lives under
 * {@code /oc:system}, which nobody else may read.
 */
@AuthorPage
@Path("auteur/admin/imports")
public final class ImportHistoryAdminResource {
    static final int RUNS = 30;
    static final int REJECTIONS_IN_LIST = 5;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
            .withZone(ZoneId.of("Europe/Paris"));
    private final AdminPages admin;
    private final UserSessions userSessions;
    private final ImportHistory history = new ImportHistory();
    @Context
    private UriInfo uri;
    @Context
    private SecurityContext security;

    ImportHistoryAdminResource(AdminPages admin, UserSessions userSessions) {
        this.admin = admin;
        this.userSessions = userSessions;
    }

    /** A file of a run as shown: its kind in French, its counts, notes and rejected rows. */
    public record FileRow(String file, String kind, boolean failed, long read, long created, long updated,
                          long unchanged, long removed, long retired, long rejected, List<String> notes,
                          List<String> rejections, int moreRejections) {
    }

    /** A run as shown. */
    public record RunRow(String id, String at, String iso, double seconds, boolean failed, boolean forced,
                         List<FileRow> files, List<String> unrecognised) {
    }

    @GET
    public Response list() {
        AdminPages.Gate gate = admin.administrator(security, uri);
        if (gate.refused()) {
            return gate.refusal();
        }
        List<ImportHistory.RunEntry> runs = userSessions.as(gate.session().userId(),
                s -> history.latest(s, RUNS));
        Map<String, Object> model = new HashMap<>();
        model.put("runs", runs.stream().map(run -> row(run, REJECTIONS_IN_LIST)).toList());
        model.put("title", admin.messages().get("authoring.ui.admin.imports.title"));
        return admin.render(200, "authoring-admin-imports", "imports", uri, gate.session(), model);
    }

    @GET
    @Path("{month}/{run}")
    public Response run(@PathParam("month") String month, @PathParam("run") String run) {
        AdminPages.Gate gate = admin.administrator(security, uri);
        if (gate.refused()) {
            return gate.refusal();
        }
        Optional<ImportHistory.RunEntry> found = userSessions.as(gate.session().userId(),
                s -> history.run(s, month + "/" + run));
        if (found.isEmpty()) {
            return admin.pages().render(404, "404", uri, Map.of());
        }
        Map<String, Object> model = new HashMap<>();
        model.put("runs", List.of(row(found.get(), Integer.MAX_VALUE)));
        model.put("single", true);
        model.put("title", admin.messages().get("authoring.ui.admin.imports.runTitle", WHEN.format(found.get().started())));
        return admin.render(200, "authoring-admin-imports", "imports", uri, gate.session(), model);
    }

    private RunRow row(ImportHistory.RunEntry run, int maxRejections) {
        List<FileRow> files = new ArrayList<>();
        for (ImportHistory.FileEntry file : run.files()) {
            String kind = file.importer().isEmpty() ? admin.messages().get("imports.report.unrecognised")
                    : admin.messages().get("imports.importer." + file.importer())
                    + (file.vintage() == null ? "" : " " + file.vintage());
            List<String> rejections = file.rejections().stream().limit(maxRejections).toList();
            files.add(new FileRow(file.file(), kind, file.failed(), file.read(), file.created(), file.updated(),
                    file.unchanged(), file.removed(), file.retired(), file.rejected(), file.notes(), rejections,
                    file.rejections().size() - rejections.size()));
        }
        return new RunRow(run.id(), WHEN.format(run.started()), UiDates.iso(run.started()), run.durationMs() / 1000.0,
                run.failed(), run.forced(), files, run.unrecognised());
    }
}
