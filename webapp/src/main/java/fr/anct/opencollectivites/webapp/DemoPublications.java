package fr.anct.opencollectivites.webapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
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
import fr.anct.opencollectivites.publications.PublicationPaths;
import fr.anct.opencollectivites.publications.harvest.PublicationWriter;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * The demo's publications ({@code demo/publications_demo.yaml}, invented for the demo), written live
 * through the {@link ContentWriter} as the harvester writes them, so a fresh platform shows a catalogue.
 */
final class DemoPublications {
    private static final Logger LOG = LoggerFactory.getLogger(DemoPublications.class);
    private static final String FILE = "/demo/publications_demo.yaml";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private DemoPublications() {
    }

    @SuppressWarnings("unchecked")
    static void writeInto(OakRepository repository, ContentTypeRegistry contentTypes) {
        List<Map<String, Object>> items;
        try (InputStream in = DemoPublications.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("Demo file missing from the package: " + FILE);
            }
            items = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ContentTypeDefinition type = contentTypes.require(PublicationPaths.PUBLICATION_TYPE);
        ContentWriter writer = new ContentWriter();
        repository.withSystemSession(session -> {
            for (Map<String, Object> item : items) {
                String link = (String) item.get("link");
                String title = (String) item.get("title");
                String code = sha256("demo\n" + title).substring(0, 24);
                // YAML reads an unquoted 2026-10-14 as a java.util.Date at midnight UTC.
                LocalDate date = item.get("date") instanceof java.util.Date parsed
                        ? parsed.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate()
                        : LocalDate.parse(String.valueOf(item.get("date")));
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("code", code);
                values.put("title", title);
                values.put("summary", item.get("summary"));
                values.put("link", link);
                values.put("guid", "demo:" + code);
                values.put("date", OffsetDateTime.of(date, LocalTime.of(8, 0), PARIS.getRules().getOffset(date.atTime(8, 0))));
                values.put("publisher", item.get("publisher"));
                values.put("documentType", item.get("documentType"));
                values.put("themes", new ArrayList<>((List<String>) item.get("themes")));
                values.put("manualThemes", new ArrayList<>((List<String>) item.get("themes")));
                values.put("territories", new ArrayList<>((List<String>) item.get("territories")));
                values.put("manualTerritories", new ArrayList<>((List<String>) item.get("territories")));
                values.put("years", List.of((long) date.getYear()));
                try {
                    writer.upsert(session, PublicationPaths.live(PublicationWriter.relativePath(code)), type, values);
                } catch (ContentValidationException e) {
                    throw new IllegalStateException(FILE + ": invalid publication " + title + ": " + e.getMessage(), e);
                }
            }
            session.save();
            return null;
        });
        LOG.info("Demo publications written ({})", items.size());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
