package fr.anct.opencollectivites.exports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.web.ApiErrors;
import fr.anct.opencollectivites.web.Download;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * Whole-country files: {@code /exports/communes.csv|json} every live commune of every TYPECOM (a
 * {@code typecom} column; {@code ?typecom=COM,ARM} to keep some; {@code ?anciennes=oui} adds the former
 * communes, {@code statut} telling them apart, with their successor; {@code ?sansEpci=oui} keeps the
 * communes (COM) that belong to no EPCI), and {@code /exports/epci.csv|json} every EPCI with its members
 * (space-separated codes in CSV, an array in JSON).
 */
@Path("/.rest/open-collectivites/v1/exports/{file: (?:communes|epci)\\.[a-z]+}")
public final class CountryExportResource {
    private static final Set<String> TYPECOMS = Set.of("COM", "ARM", "COMD", "COMA");
    private final OakRepository repository;
    private final CountryExport export;
    private final Messages messages;

    public CountryExportResource(OakRepository repository, ContentTypeRegistry types, Messages messages) {
        this.repository = repository;
        this.export = new CountryExport(types);
        this.messages = messages;
    }

    @GET
    public Response export(@PathParam("file") String file, @QueryParam("typecom") List<String> typecom,
                           @QueryParam("anciennes") String former, @QueryParam("sansEpci") String withoutEpci,
                           @QueryParam("sep") String sep) {
        return file.startsWith("epci.") ? epci(file, sep) : communes(file, typecom, former, withoutEpci, sep);
    }

    private Response communes(String file, List<String> typecom, String former, String withoutEpci, String sep) {
        String format = file.substring("communes.".length());
        if (!format.equals("csv") && !format.equals("json")) {
            return ApiErrors.invalid(messages.get("fiches.error.unknownFormat", format));
        }
        Set<String> typecoms = new LinkedHashSet<>();
        for (String value : typecom == null ? List.<String>of() : typecom) {
            for (String part : value.split(",")) {
                String wanted = part.strip().toUpperCase(java.util.Locale.ROOT);
                if (!TYPECOMS.contains(wanted)) {
                    return ApiErrors.invalid(messages.get("exports.error.typecom", part.strip()));
                }
                typecoms.add(wanted);
            }
        }
        CountryExport.Filter filter = new CountryExport.Filter(typecoms, yes(withoutEpci), yes(former));
        List<Map<String, Object>> rows = repository.withAnonymousSession(session -> export.communes(session, filter));
        String name = filter.withoutEpci() ? "communes-sans-epci" : filter.former() ? "communes-et-anciennes" : "communes";
        if (format.equals("json")) {
            return Download.json(name, rows);
        }
        return Download.csv(name, Download.separator(sep), CountryExport.COMMUNE_COLUMNS, cells(rows, CountryExport.COMMUNE_COLUMNS));
    }

    private Response epci(String file, String sep) {
        String format = file.substring("epci.".length());
        if (!format.equals("csv") && !format.equals("json")) {
            return ApiErrors.invalid(messages.get("fiches.error.unknownFormat", format));
        }
        List<Map<String, Object>> rows = repository.withAnonymousSession(export::epci);
        if (format.equals("json")) {
            return Download.json("epci", rows);
        }
        return Download.csv("epci", Download.separator(sep), CountryExport.EPCI_COLUMNS, cells(rows, CountryExport.EPCI_COLUMNS));
    }

    private static boolean yes(String value) {
        return value != null && (value.equalsIgnoreCase("oui") || value.equalsIgnoreCase("true") || value.equals("1"));
    }

    private static List<List<Object>> cells(List<Map<String, Object>> rows, List<String> columns) {
        List<List<Object>> cells = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            List<Object> line = new ArrayList<>(columns.size());
            for (String column : columns) {
                Object value = row.get(column);
                line.add(value instanceof List<?> list ? String.join(" ", list.stream().map(String::valueOf).toList()) : value);
            }
            cells.add(line);
        }
        return cells;
    }
}
