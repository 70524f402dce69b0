package fr.anct.opencollectivites.site;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.jcr.Node;
import javax.jcr.RepositoryException;

import fr.anct.opencollectivites.content.WebUrls;
import fr.anct.opencollectivites.repository.NodeProperties;

/**
 * A publication as the site shows it: names instead of taxonomy codes, the date in French.
 *
 * @param summary          sanitised HTML (the harvester sanitises it before storing), shown as is
 * @param territories      the territory keys ({@code commune:42218}) it is about
 * @param matchedTerritory with a territory filter, which key of the territory's scope it is about
 */
public record PublicationView(String code, String title, String summary, String link, LocalDate date, String dateLabel,
                       String publisher, String documentType, List<PublicationLabels.Option> themes,
                       List<String> territories, String source, String matchedTerritory) {
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** From the catalogue's JSON-shaped result. */
    @SuppressWarnings("unchecked")
    static PublicationView of(Map<String, Object> json, PublicationLabels labels) {
        LocalDate date = json.get("date") instanceof String iso
                ? OffsetDateTime.parse(iso).atZoneSameInstant(PARIS).toLocalDate() : null;
        List<PublicationLabels.Option> themes = new ArrayList<>();
        for (Object theme : (List<Object>) json.getOrDefault("themes", List.of())) {
            themes.add(new PublicationLabels.Option(String.valueOf(theme), labels.theme(String.valueOf(theme))));
        }
        List<String> territories = ((List<Object>) json.getOrDefault("territories", List.of())).stream()
                .map(String::valueOf).toList();
        return new PublicationView(string(json.get("code")), string(json.get("title")), string(json.get("summary")),
                WebUrls.safe(string(json.get("link"))).orElse(null), date, date == null ? null : FRENCH_DATE.format(date),
                labels.publisher(string(json.get("publisher"))), labels.documentType(string(json.get("documentType"))),
                themes, territories, string(json.get("source")), string(json.get("matchedTerritory")));
    }

    /** From the live node (the detail page). */
    static PublicationView of(Node node, PublicationLabels labels) throws RepositoryException {
        LocalDate date = null;
        if (node.hasProperty("date")) {
            Calendar calendar = node.getProperty("date").getDate();
            date = calendar.toInstant().atZone(PARIS).toLocalDate();
        }
        List<PublicationLabels.Option> themes = new ArrayList<>();
        for (String theme : NodeProperties.strings(node, "themes")) {
            themes.add(new PublicationLabels.Option(theme, labels.theme(theme)));
        }
        return new PublicationView(string(node, "code"), string(node, "title"), string(node, "summary"),
                WebUrls.safe(string(node, "link")).orElse(null), date, date == null ? null : FRENCH_DATE.format(date),
                labels.publisher(string(node, "publisher")), labels.documentType(string(node, "documentType")),
                themes, NodeProperties.strings(node, "territories"), string(node, "source"), null);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static String string(Node node, String name) throws RepositoryException {
        return node.hasProperty(name) ? node.getProperty(name).getString() : null;
    }

}
