package fr.anct.opencollectivites.publications;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.collectivites.CollectivitePaths;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ContentValidationException;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * A small référentiel (Saint-Étienne, its EPCI, the Loire, Auvergne-Rhône-Alpes; Rennes) and
 * publications about each level, plus a draft that must never be listed.
 */
final class CatalogueFixture {
    static final String SAINT_ETIENNE_METROPOLE = "244200770";
    private final OakRepository repository;
    private final ContentTypeRegistry types = TestLightModule.contentTypes();
    private final ContentWriter writer = new ContentWriter();

    CatalogueFixture(OakRepository repository) {
        this.repository = repository;
    }

    void referentiel() {
        write(CollectivitePaths.item(types.require("region"), "84"), "region", Map.of("code", "84", "nom", "Auvergne-Rhône-Alpes"));
        write(CollectivitePaths.item(types.require("region"), "53"), "region", Map.of("code", "53", "nom", "Bretagne"));
        write(CollectivitePaths.item(types.require("departement"), "42"), "departement",
                Map.of("code", "42", "nom", "Loire", "region", "84"));
        write(CollectivitePaths.item(types.require("departement"), "35"), "departement",
                Map.of("code", "35", "nom", "Ille-et-Vilaine", "region", "53"));
        write(CollectivitePaths.item(types.require("epci"), SAINT_ETIENNE_METROPOLE), "epci",
                Map.of("code", SAINT_ETIENNE_METROPOLE, "siren", SAINT_ETIENNE_METROPOLE, "nom", "Saint-Étienne Métropole",
                        "natureJuridique", "METRO", "departementSiege", "42"));
        write(CollectivitePaths.commune(types.require("commune"), "COM", "42218"), "commune",
                Map.of("code", "42218", "typecom", "COM", "nom", "Saint-Étienne", "departement", "42", "region", "84",
                        "epci", SAINT_ETIENNE_METROPOLE));
        write(CollectivitePaths.commune(types.require("commune"), "COM", "35238"), "commune",
                Map.of("code", "35238", "typecom", "COM", "nom", "Rennes", "departement", "35", "region", "53"));
    }

    /** Six live publications and one draft. */
    void publications() {
        publication("p1", "Les finances de Saint-Étienne en 2023", "<p>Épargne brute et dette de la commune.</p>",
                "commune:42218", "finances-fiscalite", "publication-statistique", "insee", "2024-03-01", 2023);
        publication("p2", "Saint-Étienne Métropole : l'intercommunalité en chiffres", null,
                "epci:" + SAINT_ETIENNE_METROPOLE, "geographie-intercommunalites", "publication-statistique", "dgcl",
                "2024-02-01", 2024);
        publication("p3", "La Loire : l'emploi salarié progresse", "<p>Le marché du travail dans la Loire.</p>",
                "departement:42", "emploi-fonction-publique-territoriale", "publication-statistique", "dares",
                "2023-11-15", 2023);
        publication("p4", "Auvergne-Rhône-Alpes : la santé des habitants", "<p>Médecins et hôpitaux.</p>",
                "region:84", "sante-social", "jeu-de-donnees", "drees", "2024-05-10", 2024);
        publication("p5", "Les finances des communes bretonnes", "<p>Rennes et les autres.</p>",
                "commune:35238", "finances-fiscalite", "publication-statistique", "ofgl", "2024-01-20", 2024);
        publication("p6", "Budgets des départements", "<p>Dépenses sociales.</p>",
                "departement:35", "finances-fiscalite", "publication-statistique", "dgcl", "2022-06-01", 2022);
        draft("d1", "Brouillon : les finances de Saint-Étienne", "commune:42218", "finances-fiscalite", "2024-06-01");
    }

    static String path(String code) {
        return "/publications/items/" + code.substring(0, 2) + "/" + code;
    }

    void publication(String code, String title, String summary, String territory, String theme, String type,
                     String publisher, String date, long year) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("code", code);
        values.put("title", title);
        values.put("summary", summary);
        values.put("link", "https://example.org/" + code);
        values.put("date", LocalDate.parse(date));
        values.put("territories", List.of(territory));
        values.put("themes", List.of(theme));
        values.put("documentType", type);
        values.put("publisher", publisher);
        values.put("years", List.of(year));
        write(path(code), "publication", values);
    }

    private void draft(String code, String title, String territory, String theme, String date) {
        write("/oc:authoring" + path(code), "publication", Map.of("code", code, "title", title,
                "link", "https://example.org/" + code, "date", LocalDate.parse(date), "territories", List.of(territory),
                "themes", List.of(theme), "publisher", "insee", "documentType", "publication-statistique"));
    }

    private void write(String path, String type, Map<String, ?> values) {
        repository.withSystemSession(session -> {
            try {
                writer.upsert(session, path, types.require(type), values);
            } catch (ContentValidationException e) {
                throw new IllegalStateException(e);
            }
            session.save();
            return null;
        });
    }
}
