package fr.anct.opencollectivites.pages;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ArrayNode;

import fr.anct.opencollectivites.web.ApiException;
import fr.anct.opencollectivites.web.Json;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * Public reads of the editorial content fiches show, with the anonymous session (published only):
 * {@code GET /.rest/open-collectivites/v1/editorial/callouts?collectivite=commune:42218},
 * {@code …/alerts?commune=42218} (or {@code territoire=departement:42}), {@code …/alerts.rss?…},
 * {@code …/demarches}.
 */
@Path("/.rest/open-collectivites/v1/editorial")
public final class EditorialResource {
    private static final String KEY = "(commune|epci|departement|region):[0-9A-Za-z]{2,9}";
    private final OakRepository repository;
    private final EditorialContent content;
    private final Clock clock;
    private final String publicUrl;

    public EditorialResource(OakRepository repository, EditorialContent content, Clock clock, String publicUrl) {
        this.repository = repository;
        this.content = content;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    @GET
    @Path("callouts")
    public Response callouts(@QueryParam("collectivite") String key) {
        String checked = key(key);
        ArrayNode list = Json.array();
        repository.withAnonymousSession(session -> {
            for (EditorialContent.Callout callout : content.callouts(session, checked, clock.instant())) {
                list.add(Json.MAPPER.valueToTree(callout.content()));
            }
            return null;
        });
        return publicJson(list);
    }

    @GET
    @Path("alerts")
    public Response alerts(@QueryParam("commune") String commune, @QueryParam("territoire") String territory) {
        ArrayNode list = Json.array();
        for (EditorialContent.Alert alert : alertsFor(commune, territory)) {
            list.add(Json.MAPPER.valueToTree(alert.content()));
        }
        return publicJson(list);
    }

    @GET
    @Path("alerts.rss")
    public Response alertsRss(@QueryParam("commune") String commune, @QueryParam("territoire") String territory) {
        String rss = new AlertFeed().rss("Alertes en cours — Open Collectivités", publicUrl, alertsFor(commune, territory));
        return Response.ok(rss, "application/rss+xml; charset=UTF-8").header("Cache-Control", "public, max-age=60").build();
    }

    @GET
    @Path("demarches")
    public Response demarches() {
        ArrayNode list = Json.array();
        repository.withAnonymousSession(session -> {
            for (EditorialContent.Demarche demarche : content.demarches(session)) {
                list.add(Json.MAPPER.valueToTree(demarche.content()));
            }
            return null;
        });
        return publicJson(list);
    }

    private List<EditorialContent.Alert> alertsFor(String commune, String territory) {
        return repository.withAnonymousSession(session -> {
            Set<String> keys;
            if (commune != null && commune.matches("[0-9AB]{5}")) {
                keys = content.territoriesOfCommune(session, commune);
            } else {
                keys = Set.of(key(territory));
            }
            return content.alerts(session, keys, clock.instant());
        });
    }

    private static String key(String key) {
        if (key == null || !key.matches(KEY)) {
            throw ApiException.badRequest("authoring.error.territoryKey", key);
        }
        return key;
    }

    private static Response publicJson(ArrayNode results) {
        return Response.ok(Json.results(results).toString(), Json.TYPE).header("Cache-Control", "public, max-age=60").build();
    }
}
