package fr.anct.opencollectivites.authoring.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import fr.anct.opencollectivites.authoring.publications.HarvestNow;
import fr.anct.opencollectivites.publications.harvest.SourceRun;
import fr.anct.opencollectivites.security.UserSessions;

/**
 * {@code /auteur/sources}: the publication sources with their last run (status, error, item count), for any
 * signed-in author, and a "Moissonner maintenant" button ({@code POST /auteur/sources/{code}/moissonner})
 * where the author may harvest the source ({@link HarvestNow}). After the harvest, a redirect back to the
 * list, which says what the run did ({@code ?moissonnee=<code>&nouvelles=&modifiees=&inchangees=}).
 */
@AuthorPage
@Path("auteur/sources")
public final class SourcesPageResource {
    private final AdminPages admin;
    private final UserSessions userSessions;
    private final HarvestNow harvestNow;
    @Context
    private UriInfo uri;
    @Context
    private SecurityContext security;

    SourcesPageResource(AdminPages admin, UserSessions userSessions, HarvestNow harvestNow) {
        this.admin = admin;
        this.userSessions = userSessions;
        this.harvestNow = harvestNow;
    }

    /** A line of the table, with its dates as French readers expect them. */
    public record Row(HarvestNow.SourceRow source, String lastRun, String lastRunIso, String status) {
    }

    @GET
    public Response list(@QueryParam("moissonnee") String harvested, @QueryParam("nouvelles") String created,
                         @QueryParam("modifiees") String updated, @QueryParam("inchangees") String unchanged) {
        AdminPages.Gate gate = admin.signedIn(security);
        List<HarvestNow.SourceRow> sources = userSessions.as(gate.session().userId(),
                harvestNow::sources);
        Map<String, Object> model = new HashMap<>();
        model.put("user", gate.session().userId());
        model.put("csrf", gate.session().csrfToken());
        model.put("rows", sources.stream().map(this::row).toList());
        Optional<HarvestNow.SourceRow> done = sources.stream().filter(s -> s.code().equals(harvested)).findFirst();
        done.ifPresent(source -> {
            if ("error".equals(source.lastStatus())) {
                model.put("error", admin.messages().get("authoring.ui.sources.harvestFailed", source.name(),
                        source.lastError()));
            } else if ("notModified".equals(source.lastStatus())) {
                model.put("success", admin.messages().get("authoring.ui.sources.harvestNotModified", source.name()));
            } else {
                model.put("success", admin.messages().get("authoring.ui.sources.harvestDone", source.name(),
                        count(created), count(updated), count(unchanged)));
            }
        });
        return admin.pages().render(200, "authoring-sources", uri, model);
    }

    @POST
    @Path("{code}/moissonner")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response harvest(@PathParam("code") String code) {
        AdminPages.Gate gate = admin.signedIn(security);
        SourceRun run;
        try {
            run = userSessions.as(gate.session().userId(), session -> {
                try {
                    return harvestNow.harvest(session, gate.session().userId(), code);
                } catch (HarvestNow.Refused e) {
                    throw new RefusedRuntime(e);
                }
            });
        } catch (RefusedRuntime e) {
            int status = switch (e.refused.reason()) {
                case NOT_FOUND -> 404;
                case FORBIDDEN -> 403;
                case RUNNING -> 409;
            };
            Map<String, Object> model = new HashMap<>();
            model.put("user", gate.session().userId());
            model.put("csrf", gate.session().csrfToken());
            model.put("message", admin.messages().get(e.refused.key(), code));
            model.put("title", admin.messages().get("authoring.ui.sources.title"));
            return admin.pages().render(status, "authoring-forbidden", uri, model);
        }
        return UiPages.seeOther("/auteur/sources?moissonnee=" + code + "&nouvelles=" + run.created()
                + "&modifiees=" + run.updated() + "&inchangees=" + run.unchanged() + "#source-" + code);
    }

    private static int count(String value) {
        return value != null && value.matches("\\d{1,7}") ? Integer.parseInt(value) : 0;
    }

    private Row row(HarvestNow.SourceRow source) {
        java.time.Instant at = source.lastRunAt() == null ? null : source.lastRunAt().toInstant();
        String status = source.lastStatus() == null ? "never" : source.lastStatus();
        return new Row(source, UiDates.format(at), UiDates.iso(at), status);
    }

    /** Carries a refusal out of the repository session's lambda. */
    private static final class RefusedRuntime extends RuntimeException {
        private final HarvestNow.Refused refused;

        RefusedRuntime(HarvestNow.Refused refused) {
            super(refused.getMessage(), refused, false, false);
            this.refused = refused;
        }
    }
}
