package fr.anct.opencollectivites.mairies;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import fr.anct.opencollectivites.imports.Row;
import fr.anct.opencollectivites.web.Json;

/**
 * Reads one record of the DILA's annuaire (api-lannuaire records, its JSON and CSV exports, or the
 * data.gouv.fr dump) into a {@link Mairie}. The nested fields ({@code pivot}, {@code adresse},
 * {@code telephone}, {@code site_internet}, {@code plage_ouverture}) arrive as JSON encoded in strings
 * in the API and its exports, as plain JSON in the dump: both are read the same way.
 * Choices (docs/mairies-elus.md): the "mairie" pivot's codes win over {@code code_insee_commune}; a
 * website without scheme gets {@code https://}; a name with "déléguée" or "annexe" is not the commune's
 * own mairie; a record whose {@code statut_de_diffusion} is false is not published.
 */
final class AnnuaireRecordParser {
    static final List<String> FIELDS = List.of("id", "nom", "code_insee_commune", "pivot", "adresse", "telephone",
            "adresse_courriel", "site_internet", "plage_ouverture", "commentaire_plage_ouverture",
            "date_modification", "date_modification_datetime", "statut_de_diffusion");
    static final String SOURCE = "Annuaire de l'administration, service-public.fr (DILA)";
    private static final Pattern COMMUNE_CODE = Pattern.compile("(\\d{2}|2[AB])\\d{3}");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final ObjectMapper MAPPER = Json.MAPPER;

    AnnuaireRecord parse(Row row) {
        Context context = new Context(row);
        Optional<JsonNode> pivots = context.json("pivot");
        if (pivots.isEmpty()) {
            return context.problems.isEmpty() ? AnnuaireRecord.NOT_A_MAIRIE : AnnuaireRecord.problems(context.problems);
        }
        List<String> codes = new ArrayList<>();
        if (!mairiePivotCodes(pivots.get(), codes, context)) {
            return AnnuaireRecord.NOT_A_MAIRIE;
        }
        if ("false".equalsIgnoreCase(row.get("statut_de_diffusion"))) {
            return AnnuaireRecord.NOT_A_MAIRIE;
        }
        String id = row.get("id");
        String nom = row.get("nom");
        if (id.isEmpty()) {
            context.error("mairies.error.required", "id");
        }
        if (nom.isEmpty()) {
            context.error("mairies.error.required", "nom");
        }
        String declared = row.orNull("code_insee_commune");
        if (declared != null && !COMMUNE_CODE.matcher(declared).matches()) {
            context.error("mairies.error.invalidCode", declared, "code_insee_commune");
        }
        if (codes.isEmpty() && declared != null) {
            codes.add(declared);
        }
        Address address = address(context);
        List<OpeningHours> horaires = openingHours(context);
        LocalDate modified = modified(context);
        String telephone = firstValue(context.json("telephone").orElse(null));
        String email = email(row.get("adresse_courriel"));
        String site = website(context.json("site_internet").orElse(null));
        if (!context.problems.isEmpty()) {
            return AnnuaireRecord.problems(context.problems);
        }
        if (codes.isEmpty()) {
            context.reject("mairies.reject.noCode", id, nom);
            return AnnuaireRecord.problems(context.problems);
        }
        Mairie mairie = new Mairie(id, nom, secondary(nom), codes, address.street, address.postcode, address.commune,
                telephone, email, site, horaires, SOURCE, modified);
        String disagreeing = declared != null && !codes.contains(declared) ? declared : null;
        return new AnnuaireRecord(true, List.of(), mairie, disagreeing, address.latitude, address.longitude,
                row.orNull("commentaire_plage_ouverture"));
    }

    /** Adds the codes of every "mairie" pivot; false when the record has none (another kind of service). */
    private static boolean mairiePivotCodes(JsonNode pivots, List<String> codes, Context context) {
        boolean mairie = false;
        Set<String> found = new LinkedHashSet<>();
        for (JsonNode pivot : elements(pivots)) {
            if (!"mairie".equalsIgnoreCase(pivot.path("type_service_local").asText("").trim())) {
                continue;
            }
            mairie = true;
            for (JsonNode code : elements(pivot.path("code_insee_commune"))) {
                String value = code.asText("").trim().toUpperCase(Locale.ROOT);
                if (COMMUNE_CODE.matcher(value).matches()) {
                    found.add(value);
                } else if (!value.isEmpty()) {
                    context.error("mairies.error.invalidCode", value, "pivot");
                }
            }
        }
        codes.addAll(found);
        return mairie;
    }

    private record Address(String street, String postcode, String commune, Double latitude, Double longitude) {
    }

    /** The physical address ("Adresse") first, else the first one given (often the postal one). */
    private static Address address(Context context) {
        List<JsonNode> addresses = elements(context.json("adresse").orElse(null));
        JsonNode chosen = addresses.stream()
                .filter(a -> "adresse".equalsIgnoreCase(a.path("type_adresse").asText("").trim()))
                .findFirst().orElse(addresses.isEmpty() ? null : addresses.get(0));
        if (chosen == null) {
            return new Address(null, null, null, null, null);
        }
        List<String> parts = new ArrayList<>();
        for (String field : List.of("complement1", "complement2", "numero_voie", "service_distribution")) {
            String part = chosen.path(field).asText("").trim();
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return new Address(parts.isEmpty() ? null : String.join(", ", parts), blankToNull(chosen.path("code_postal")),
                blankToNull(chosen.path("nom_commune")), coordinate(chosen, "latitude", context),
                coordinate(chosen, "longitude", context));
    }

    private static Double coordinate(JsonNode address, String field, Context context) {
        String text = address.path(field).asText("").trim().replace(',', '.');
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            context.error("mairies.error.invalidValue", text, "adresse." + field);
            return null;
        }
    }

    private static List<OpeningHours> openingHours(Context context) {
        List<OpeningHours> hours = new ArrayList<>();
        int index = 0;
        for (JsonNode plage : elements(context.json("plage_ouverture").orElse(null))) {
            index++;
            String where = "plage_ouverture[" + index + "]";
            String fromText = plage.path("nom_jour_debut").asText("").trim();
            String toText = plage.path("nom_jour_fin").asText("").trim();
            Optional<String> from = FrenchDays.normalise(fromText);
            Optional<String> to = toText.isEmpty() ? from : FrenchDays.normalise(toText);
            if (from.isEmpty()) {
                context.error("mairies.error.invalidDay", fromText, where + ".nom_jour_debut");
            }
            if (to.isEmpty() && !toText.isEmpty()) {
                context.error("mairies.error.invalidDay", toText, where + ".nom_jour_fin");
            }
            List<TimeRange> ranges = new ArrayList<>();
            for (int n = 1; n <= 2; n++) {
                range(plage, n, where, context).ifPresent(ranges::add);
            }
            if (from.isPresent() && to.isPresent()) {
                hours.add(new OpeningHours(from.get(), to.get(), ranges, blankToNull(plage.path("commentaire"))));
            }
        }
        return hours;
    }

    /** The n-th time range of a plage: none when both times are blank. */
    private static Optional<TimeRange> range(JsonNode plage, int n, String where, Context context) {
        String opensField = "valeur_heure_debut_" + n;
        String closesField = "valeur_heure_fin_" + n;
        String opensText = plage.path(opensField).asText("").trim();
        String closesText = plage.path(closesField).asText("").trim();
        if (opensText.isEmpty() && closesText.isEmpty()) {
            return Optional.empty();
        }
        Optional<LocalTime> opens = TimeRange.time(opensText);
        Optional<LocalTime> closes = TimeRange.time(closesText);
        if (opens.isEmpty()) {
            context.error("mairies.error.invalidTime", opensText, where + "." + opensField);
        }
        if (closes.isEmpty()) {
            context.error("mairies.error.invalidTime", closesText, where + "." + closesField);
        }
        if (opens.isEmpty() || closes.isEmpty()) {
            return Optional.empty();
        }
        LocalTime end = TimeRange.endOfDay(opens.get(), closes.get());
        if (!end.isAfter(opens.get())) {
            context.reject("mairies.reject.invertedRange", context.row.get("id"), opensText, closesText, where);
            return Optional.empty();
        }
        return Optional.of(new TimeRange(opens.get(), end));
    }

    private static LocalDate modified(Context context) {
        String precise = context.row.get("date_modification_datetime");
        String text = precise.isEmpty() ? context.row.get("date_modification") : precise;
        String field = precise.isEmpty() ? "date_modification" : "date_modification_datetime";
        if (text.isEmpty()) {
            return null;
        }
        try {
            if (text.matches("\\d{2}/\\d{2}/\\d{4}.*")) {
                return LocalDate.parse(text.substring(0, 10), FRENCH_DATE);
            }
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
            return OffsetDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            context.error("mairies.error.invalidValue", text, field);
            return null;
        }
    }

    /** {@code [{"valeur": …}]}, a plain string, or {@code ["…"]}: the first non-blank value. */
    private static String firstValue(JsonNode values) {
        for (JsonNode value : elements(values)) {
            String text = value.isObject() ? value.path("valeur").asText("") : value.asText("");
            if (!text.isBlank()) {
                return text.trim();
            }
        }
        return null;
    }

    /** A string (several addresses separated by ";" or ","), or a JSON list of strings: the first one. */
    static String email(String field) {
        String text = field.trim();
        if (text.startsWith("[")) {
            try {
                text = String.join(";", elements(MAPPER.readTree(text)).stream().map(n -> n.asText("")).toList());
            } catch (JsonProcessingException e) {
                return null;
            }
        }
        for (String candidate : text.split("[;,\\s]+")) {
            if (candidate.contains("@")) {
                return candidate.trim();
            }
        }
        return null;
    }

    /** The first value that is a website: an e-mail address in the field is skipped; no scheme gets https://. */
    static String website(JsonNode sites) {
        for (JsonNode site : elements(sites)) {
            String url = normaliseUrl(site.isObject() ? site.path("valeur").asText("") : site.asText(""));
            if (url != null) {
                return url;
            }
        }
        return null;
    }

    static String normaliseUrl(String value) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty() || text.contains("@") && !text.contains("/")) {
            return null;
        }
        if (SCHEME.matcher(text).matches()) {
            return text;
        }
        return "https://" + text.replaceFirst("^/+", "");
    }

    /** A mairie déléguée or annexe: not the commune's own mairie. */
    static boolean secondary(String nom) {
        String folded = Normalizer.normalize(nom, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return folded.contains("deleguee") || folded.contains("delegue ") || folded.matches(".*\\bannexe\\b.*");
    }

    private static List<JsonNode> elements(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return List.of();
        }
        if (node instanceof ArrayNode array) {
            List<JsonNode> list = new ArrayList<>();
            array.forEach(list::add);
            return list;
        }
        return List.of(node);
    }

    private static String blankToNull(JsonNode node) {
        String text = node.asText("").trim();
        return text.isEmpty() ? null : text;
    }

    /** The row being read and what is wrong with it so far. */
    private static final class Context {
        final Row row;
        final List<AnnuaireRecord.Problem> problems = new ArrayList<>();

        Context(Row row) {
            this.row = row;
        }

        /** A nested field: JSON text (the API's strings, or the dump's objects handed over as text). */
        Optional<JsonNode> json(String field) {
            String text = row.get(field);
            if (text.isEmpty() || text.equals("null")) {
                return Optional.empty();
            }
            try {
                JsonNode node = MAPPER.readTree(text);
                return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
            } catch (JsonProcessingException e) {
                error("mairies.error.nestedJson", field, e.getOriginalMessage());
                return Optional.empty();
            }
        }

        void error(String key, Object... args) {
            problems.add(new AnnuaireRecord.Problem(false, key, args));
        }

        void reject(String key, Object... args) {
            problems.add(new AnnuaireRecord.Problem(true, key, args));
        }
    }
}
