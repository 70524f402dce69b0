package fr.anct.opencollectivites.publications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.content.ContentValidationException;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.tagging.PublicationTagger;
import fr.anct.opencollectivites.tagging.Tags;

/** A bootstrapped repository with the seeded taxonomy, sources, and a tiny tagger for the tests. */
public final class PublicationsTestSupport {
    /** Tags "médecins" with santé-social and "Saint-Étienne" / "Loire" with their territories. */
    public static final PublicationTagger TAGGER = (title, summary) -> {
        String text = (title + " " + summary).toLowerCase(java.util.Locale.FRENCH);
        Set<String> themes = new java.util.TreeSet<>();
        Set<String> territories = new java.util.TreeSet<>();
        if (text.contains("médecins")) {
            themes.add("sante-social");
        }
        if (text.contains("saint-étienne")) {
            territories.add("commune:42218");
        }
        if (text.contains("loire")) {
            territories.add("departement:42");
        }
        return new Tags(territories, themes);
    };

    private PublicationsTestSupport() {
    }

    public static OakRepository repository() {
        OakRepository repository = ImportTestSupport.bootstrapped(OakRepository.inMemory());
        new TaxonomySeeder(repository, TestLightModule.contentTypes()).seed();
        return repository;
    }

    /** Creates or replaces the settings of a source under {@code /publications/sources/<code>}. */
    public static void source(OakRepository repository, String code, String kind, String url, boolean autoPublish,
                              Map<String, ?> extra) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("code", code);
        values.put("name", "Source " + code);
        values.put("kind", kind);
        values.put("url", url);
        values.put("publisher", "drees");
        values.put("documentType", "publication-statistique");
        values.put("defaultThemes", List.of());
        values.put("autoPublish", autoPublish);
        values.putAll(extra);
        repository.withSystemSession(session -> {
            try {
                new ContentWriter().upsert(session, PublicationPaths.liveSources() + "/" + code,
                        TestLightModule.contentTypes().require(PublicationPaths.SOURCE_TYPE), values);
            } catch (ContentValidationException e) {
                throw new IllegalStateException(e);
            }
            session.save();
            return null;
        });
    }

    /** A live publication with a link, as the harvest leaves one. */
    public static void publication(OakRepository repository, String path, String code, String link) {
        repository.withSystemSession(session -> {
            try {
                new ContentWriter().upsert(session, path, TestLightModule.contentTypes().require("publication"),
                        Map.of("code", code, "title", "Publication " + code, "link", link,
                                "date", java.time.LocalDate.of(2024, 1, 1)));
            } catch (ContentValidationException e) {
                throw new IllegalStateException(e);
            }
            session.save();
            return null;
        });
    }

    /** A property as a string; the values of a multiple one joined with {@code |}; null when absent. */
    public static String property(OakRepository repository, String path, String name) {
        return repository.withSystemSession(session -> {
            if (!session.nodeExists(path) || !session.getNode(path).hasProperty(name)) {
                return null;
            }
            javax.jcr.Property property = session.getNode(path).getProperty(name);
            if (!property.isMultiple()) {
                return property.getString();
            }
            List<String> values = new java.util.ArrayList<>();
            for (javax.jcr.Value value : property.getValues()) {
                values.add(value.getString());
            }
            return String.join("|", values);
        });
    }
}
