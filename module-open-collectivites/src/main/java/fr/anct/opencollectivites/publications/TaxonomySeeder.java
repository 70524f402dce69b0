package fr.anct.opencollectivites.publications;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ContentValidationException;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.content.WriteOutcome;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * Seeds the taxonomy of publications (thèmes with their keyword rules, scopes, document types and the
 * main publishers) from {@code seed/publications/taxonomy.yaml}, at every start. Idempotent: an
 * unchanged entry writes nothing, and properties an editor added beyond the seed's are left alone.
 */
public final class TaxonomySeeder {
    public static final String SEED = "/seed/publications/taxonomy.yaml";
    private static final Logger LOG = LoggerFactory.getLogger(TaxonomySeeder.class);
    /** YAML section → content type; the node lives at the type's root path plus its code. */
    private static final Map<String, String> SECTIONS = Map.of(
            "themes", "theme", "scopes", "scope", "documentTypes", "documentType", "organisations", "organisation");

    private final OakRepository repository;
    private final ContentTypeRegistry contentTypes;
    private final ContentWriter writer = new ContentWriter();

    public TaxonomySeeder(OakRepository repository, ContentTypeRegistry contentTypes) {
        this.repository = repository;
        this.contentTypes = contentTypes;
    }

    /** @return how many entries were created or updated */
    public int seed() {
        Map<String, List<Map<String, Object>>> seed = read();
        int changed = repository.withSystemSession(session -> {
            int count = 0;
            for (Map.Entry<String, List<Map<String, Object>>> section : seed.entrySet()) {
                ContentTypeDefinition type = contentTypes.require(SECTIONS.get(section.getKey()));
                int position = 0;
                for (Map<String, Object> entry : section.getValue()) {
                    Map<String, Object> values = new LinkedHashMap<>(entry);
                    if (type.property("position").isPresent()) {
                        values.put("position", (long) position++);
                    }
                    String path = PublicationPaths.live(type.datasource().rootPath() + "/" + entry.get("code"));
                    try {
                        if (writer.upsert(session, path, type, values) != WriteOutcome.UNCHANGED) {
                            count++;
                        }
                    } catch (ContentValidationException e) {
                        throw new IllegalStateException(SEED + ": invalid " + type.name() + " " + entry.get("code")
                                + ": " + e.getMessage(), e);
                    }
                }
            }
            session.save();
            return count;
        });
        LOG.info("Publications taxonomy seeded: {} entries created or updated", changed);
        return changed;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<Map<String, Object>>> read() {
        try (InputStream in = TaxonomySeeder.class.getResourceAsStream(SEED)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + SEED + " on the class path");
            }
            Map<String, List<Map<String, Object>>> all = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, List<Map<String, Object>>> known = new LinkedHashMap<>();
            for (Map.Entry<String, List<Map<String, Object>>> section : all.entrySet()) {
                if (!SECTIONS.containsKey(section.getKey())) {
                    throw new IllegalStateException(SEED + ": unknown section " + section.getKey());
                }
                known.put(section.getKey(), section.getValue());
            }
            return known;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
