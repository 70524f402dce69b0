package fr.anct.opencollectivites.fiches;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.anct.opencollectivites.web.ApiErrors;
import fr.anct.opencollectivites.web.Download;
import fr.anct.opencollectivites.web.Hashes;
import fr.anct.opencollectivites.web.Json;
import fr.anct.opencollectivites.i18n.Messages;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /.rest/open-collectivites/v1/fiches/{type}/{key}}: the fiche as JSON (with ETag and 304);
 * {@code …/{key}.csv} and {@code …/{key}.json}: the same as a download. A former commune code answers
 * 301 to today's fiche.
 */
@Path("/.rest/open-collectivites/v1/fiches")
public final class FicheResource {
    private final FicheService fiches;
    private final FicheIndicateurs indicateurs;
    private final Messages messages;

    public FicheResource(FicheService fiches, Messages messages) {
        this.fiches = fiches;
        this.indicateurs = new FicheIndicateurs(messages);
        this.messages = messages;
    }

    @GET
    @Path("{type}/{key}")
    public Response fiche(@PathParam("type") String type, @PathParam("key") String key, @QueryParam("sep") String sep,
                          @Context Request request) {
        String format = null;
        String bareKey = key;
        int dot = key.lastIndexOf('.');
        if (dot > 0) {
            format = key.substring(dot + 1);
            bareKey = key.substring(0, dot);
            if (!format.equals("csv") && !format.equals("json")) {
                return ApiErrors.invalid(messages.get("fiches.error.unknownFormat", format));
            }
        }
        Optional<FicheType> ficheType = FicheType.byId(type);
        if (ficheType.isEmpty()) {
            return ApiErrors.notFound(messages.get("fiches.error.unknownType", type));
        }
        FicheLookup lookup = fiches.find(ficheType.get(), bareKey);
        if (lookup instanceof FicheLookup.Moved moved) {
            String target = Territoires.FICHES_API + moved.type().id() + "/" + moved.key() + (format == null ? "" : "." + format);
            return Response.status(Response.Status.MOVED_PERMANENTLY).header("Location", target)
                    .header("Cache-Control", "public, max-age=86400").build();
        }
        if (!(lookup instanceof FicheLookup.Found found)) {
            return ApiErrors.notFound(messages.get("fiches.error.notFound", type, bareKey));
        }
        Fiche fiche = found.fiche();
        if ("csv".equals(format)) {
            return Download.csv(fileName(fiche), Download.separator(sep), FicheCsv.header(messages), FicheCsv.rows(fiche, indicateurs.of(fiche)));
        }
        if ("json".equals(format)) {
            return Download.json(fileName(fiche), fiche);
        }
        return withValidators(fiche, request);
    }

    private static String fileName(Fiche fiche) {
        return "fiche-" + fiche.type() + "-" + fiche.key();
    }

    private static Response withValidators(Fiche fiche, Request request) {
        byte[] body = Json.bytes(fiche);
        EntityTag etag = Hashes.etag(body);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.header("Cache-Control", "public, max-age=300").build();
        }
        return Response.ok(body).type("application/json; charset=UTF-8").tag(etag)
                .header("Cache-Control", "public, max-age=300").build();
    }

    /** The rows of a fiche's CSV: one per indicator, each with the collectivité's identity. */
    static final class FicheCsv {
        private FicheCsv() {
        }

        static List<String> header(Messages messages) {
            List<String> header = new ArrayList<>();
            for (String column : List.of("type", "code", "nom", "indicateur", "libelle", "annee", "valeur", "unite",
                    "source", "millesime")) {
                header.add(messages.get("fiches.csv." + column));
            }
            return header;
        }

        static List<List<Object>> rows(Fiche fiche, List<Indicateur> indicateurs) {
            List<List<Object>> rows = new ArrayList<>();
            for (Indicateur indicateur : indicateurs) {
                List<Object> row = new ArrayList<>(List.of(fiche.type(), fiche.code(), fiche.nom(), indicateur.id(),
                        indicateur.libelle()));
                row.add(indicateur.annee());
                row.add(indicateur.valeur());
                row.add(indicateur.unite());
                row.add(indicateur.source() == null ? null : indicateur.source().nom());
                row.add(indicateur.source() == null ? null : indicateur.source().millesime());
                rows.add(row);
            }
            return rows;
        }
    }
}
