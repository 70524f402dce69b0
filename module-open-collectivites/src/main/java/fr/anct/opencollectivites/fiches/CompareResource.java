package fr.anct.opencollectivites.fiches;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.anct.opencollectivites.web.ApiErrors;
import fr.anct.opencollectivites.web.Download;
import fr.anct.opencollectivites.web.Json;
import fr.anct.opencollectivites.i18n.Messages;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /.rest/open-collectivites/v1/compare?c=commune:42218&c=epci:244200770}: 2 to 6
 * collectivités of any level side by side; {@code format=csv|json} for a download. Former commune codes
 * are followed to today's commune.
 */
@Path("/.rest/open-collectivites/v1/compare")
public final class CompareResource {
    private final FicheService fiches;
    private final ComparisonService comparisons;
    private final Messages messages;

    public CompareResource(FicheService fiches, Messages messages) {
        this.fiches = fiches;
        this.comparisons = new ComparisonService(messages);
        this.messages = messages;
    }

    @GET
    public Response compare(@QueryParam("c") List<String> c, @QueryParam("format") String format,
                            @QueryParam("sep") String sep) {
        List<String> wanted = new ArrayList<>();
        for (String value : c == null ? List.<String>of() : c) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    wanted.add(part.strip());
                }
            }
        }
        if (wanted.size() < ComparisonService.MIN || wanted.size() > ComparisonService.MAX) {
            return ApiErrors.invalid(messages.get("fiches.error.compareCount", String.valueOf(wanted.size())));
        }
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            return ApiErrors.invalid(messages.get("fiches.error.unknownFormat", format));
        }
        List<Fiche> found = new ArrayList<>();
        for (String item : wanted) {
            Optional<FicheRef> ref = FicheRef.parse(item);
            if (ref.isEmpty()) {
                return ApiErrors.invalid(messages.get("fiches.error.compareFormat", item));
            }
            FicheType type = ref.get().type();
            String key = ref.get().key();
            FicheLookup lookup = fiches.find(type, key);
            if (lookup instanceof FicheLookup.Moved moved) {
                lookup = fiches.find(moved.type(), moved.key());
            }
            if (!(lookup instanceof FicheLookup.Found fiche)) {
                return ApiErrors.notFound(messages.get("fiches.error.notFound", type.id(), key));
            }
            found.add(fiche.fiche());
        }
        Comparison comparison = comparisons.compare(found);
        String fileName = "comparaison-" + String.join("-", found.stream().map(Fiche::key).toList());
        if ("csv".equals(format)) {
            return csv(fileName, Download.separator(sep), comparison);
        }
        if ("json".equals(format)) {
            return Download.json(fileName, comparison);
        }
        return Response.ok(Json.bytes(comparison)).type("application/json; charset=UTF-8")
                .header("Cache-Control", "public, max-age=300").build();
    }

    private Response csv(String fileName, char separator, Comparison comparison) {
        List<String> header = new ArrayList<>(List.of(messages.get("fiches.csv.indicateur"),
                messages.get("fiches.csv.libelle"), messages.get("fiches.csv.annee"), messages.get("fiches.csv.unite")));
        for (Comparison.Compared compared : comparison.collectivites()) {
            header.add(compared.type() + ":" + compared.code() + " " + compared.nom());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Comparison.Row row : comparison.indicateurs()) {
            List<Object> cells = new ArrayList<>();
            cells.add(row.id());
            cells.add(row.libelle());
            cells.add(row.annee());
            cells.add(row.unite());
            cells.addAll(row.valeurs());
            rows.add(cells);
        }
        return Download.csv(fileName, separator, header, rows);
    }
}
