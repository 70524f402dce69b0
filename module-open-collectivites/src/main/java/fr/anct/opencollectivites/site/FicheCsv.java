package fr.anct.opencollectivites.site;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Fiches as CSV (one row each, comma-separated, UTF-8 with a header), for downloads and comparisons. */
final class FicheCsv {
    static final List<String> COLUMNS = List.of("type", "code", "nom", "population", "populationTotale",
            "millesimePopulation", "departement", "region", "epci", "nombreMembres", "millesimeCog", "page");

    private FicheCsv() {
    }

    static String write(List<SiteFiche> fiches, String baseUrl) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(COLUMNS.toArray(String[]::new)).setRecordSeparator("\r\n").build())) {
            for (SiteFiche fiche : fiches) {
                printer.printRecord(fiche.level().id(), fiche.code(), fiche.nom(),
                        fiche.value("population"), fiche.value("populationTotale"),
                        fiche.value("millesimePopulation"), parent(fiche, "departement"), parent(fiche, "region"),
                        parent(fiche, "epci"), fiche.value("nombreMembres"),
                        fiche.values().getOrDefault("millesimeCog", fiche.value("millesime")),
                        baseUrl + fiche.pagePath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String parent(SiteFiche fiche, String role) {
        if (fiche.level().id().equals(role)) {
            return fiche.code();
        }
        return fiche.parents().stream().filter(l -> l.role().equals(role)).map(SiteFiche.Link::code).findFirst().orElse("");
    }
}
