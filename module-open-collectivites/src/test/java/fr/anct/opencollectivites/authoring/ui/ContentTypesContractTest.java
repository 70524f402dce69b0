package fr.anct.opencollectivites.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import javax.jcr.Node;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.collectivites.Territories;
import fr.anct.opencollectivites.content.ContentMap;
import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.content.PropertyDefinition;
import fr.anct.opencollectivites.content.TerritoryKey;
import fr.anct.opencollectivites.content.WriteOutcome;
import fr.anct.opencollectivites.delivery.DeliveryEndpointDefinition;
import fr.anct.opencollectivites.delivery.DeliveryEndpoints;
import fr.anct.opencollectivites.delivery.DeliveryService;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.pages.ComponentTemplates;
import fr.anct.opencollectivites.pages.PageItemTypes;
import fr.anct.opencollectivites.publishing.DraftException;
import fr.anct.opencollectivites.publishing.Drafts;
import fr.anct.opencollectivites.publishing.ItemPath;
import fr.anct.opencollectivites.publishing.RichTextSanitizer;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.repository.Workspaces;
import fr.anct.opencollectivites.site.SiteRenderer;
import fr.anct.opencollectivites.site.WebResources;

/**
 * The contract of every content type of the light module: an item with a value for each declared property
 * is written (validated by the type), read back whole by the templates' generic model ({@link ContentMap})
 * and rendered by the site's renderer from a template that only lists {@code content}, delivered with every
 * property by the delivery endpoint that serves its node type, and edited through the generated authoring
 * form: an input per property holding the stored value, the form sent back as shown changes nothing, a
 * changed text is saved. A property added to a YAML type is therefore written, delivered, rendered and
 * edited without Java.
 */
@Tag("repository")
class ContentTypesContractTest {
    private static final ContentTypeRegistry TYPES = TestLightModule.contentTypes();
    private static final String SAMPLE_TERRITORY = "commune:42218";
    /** Lists a node's {@code content}: each property in a paragraph named after it, sub-models nested. */
    private static final String CONTENT_TEMPLATE = """
            <#macro show value><#if value?is_sequence><ul><#list value as v><li><@show v/></li></#list></ul>\
            <#elseif value?is_hash_ex && !value?is_string><dl><#list value as k, v><dt>${k}</dt><dd><@show v/></dd></#list></dl>\
            <#elseif value?is_number || value?is_boolean>${value?c}<#else>${value}</#if></#macro>
            <#list content as name, value><p data-property="${name}"><@show value/></p></#list>
            """;
    @TempDir
    static Path lightModule;
    private static OakRepository repository;
    private static SiteRenderer renderer;
    private static Drafts drafts;
    /** How each type's sample item was written (all are written first, so that references find their target). */
    private static final Map<String, WriteOutcome> WRITTEN = new HashMap<>();

    @BeforeAll
    static void start() throws IOException {
        repository = ImportTestSupport.bootstrapped(OakRepository.inMemory());
        Path module = TestLightModule.copyTo(lightModule.resolve("open-collectivites"));
        Files.writeString(module.resolve("templates/pages/contrat.yaml"),
                "templateScript: /open-collectivites/templates/pages/contrat.ftl\nrenderType: freemarker\n"
                        + "title: site.error.404.title\n");
        Files.writeString(module.resolve("templates/pages/contrat.ftl"), CONTENT_TEMPLATE);
        renderer = new SiteRenderer(module, TestLightModule.messages(), new WebResources(module));
        drafts = new Drafts(new PageItemTypes(TYPES, ComponentTemplates.load(TestLightModule.dir())), TYPES,
                new RichTextSanitizer());
        repository.withSystemSession(session -> {
            ContentWriter writer = new ContentWriter();
            for (ContentTypeDefinition type : TYPES.all()) {
                WRITTEN.put(type.name(), writer.upsert(session, samplePath(type), type, sample(type)));
            }
            ContentTypeDefinition commune = TYPES.require("commune");
            writer.upsert(session, new Territories(TYPES).path(TerritoryKey.parse(SAMPLE_TERRITORY).orElseThrow()),
                    commune, sample(commune));
            session.save();
            return null;
        });
    }

    /** Where a type's sample item lives: under its root, live. */
    private static String samplePath(ContentTypeDefinition type) {
        String root = type.datasource().rootPath().replaceAll("/+$", "");
        return Workspaces.livePath(type.datasource().workspace(), root + "/" + sampleName(type.name()));
    }

    private static String sampleName(String typeName) {
        return "contrat-" + typeName.toLowerCase();
    }

    @AfterAll
    static void stop() {
        repository.close();
    }

    static Stream<String> types() {
        return TYPES.all().stream().map(ContentTypeDefinition::name);
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyPropertyIsWrittenReadDeliveredAndEdited(String typeName) {
        ContentTypeDefinition type = TYPES.require(typeName);
        Map<String, Object> values = sample(type);
        String path = samplePath(type);
        assertThat(WRITTEN.get(typeName)).as("written as the type declares it").isEqualTo(WriteOutcome.CREATED);

        Map<String, Object> read = repository.withAnonymousSession(session -> ContentMap.of(session.getNode(path)));
        assertThat(read).as("the templates' generic model of a live %s", typeName).containsOnlyKeys(values.keySet());
        String rendered = renderer.render("contrat", Map.of("content", read));
        for (String property : values.keySet()) {
            assertThat(rendered).as("%s.%s rendered", typeName, property).contains("data-property=\"" + property + "\"");
        }
        for (String text : texts(values)) {
            assertThat(rendered).as("a value of %s rendered", typeName).contains(text);
        }

        deliveryEndpoint(type).ifPresent(endpoint -> {
            JsonNode delivered = repository.withAnonymousSession(session -> new DeliveryService(
                    DeliveryEndpoints.load(TestLightModule.dir(), TYPES), TYPES)
                    .node(session, endpoint.name(), path.substring(endpoint.rootAbsolutePath().length())).body());
            for (String property : values.keySet()) {
                assertThat(delivered.has(property)).as("%s delivered by %s: %s", property, endpoint.name(), delivered)
                        .isTrue();
            }
        });

        List<FormField> fields = repository.withSystemSession(session -> new ContentForm(TYPES, TestLightModule.messages())
                .fields(session, type, session.getNode(path), null, Map.of()));
        List<String> names = new ArrayList<>();
        collect(fields, names);
        for (PropertyDefinition property : type.properties()) {
            assertThat(names).as("an input for %s.%s", typeName, property.name())
                    .anyMatch(name -> name.equals(property.name()) || name.startsWith(property.name() + "."));
        }
        for (FormField field : fields) {
            if (values.get(field.name()) instanceof String text && !text.isBlank()) {
                assertThat(field.value()).as("the stored value in the input %s", field.name()).isNotBlank();
            }
        }

        if (!Workspaces.LIVE.contains(type.datasource().workspace())) {
            return; // not authored as a draft (assets are uploaded)
        }
        ContentForm form = new ContentForm(TYPES, TestLightModule.messages());
        ItemPath item = ItemPath.of(type.datasource().workspace(), path.substring(
                Workspaces.liveRoot(type.datasource().workspace()).length()));
        Map<String, String> posted = repository.withSystemSession(session -> {
            drafts.editLive(session, item);
            return posted(form.fields(session, type, session.getNode(item.draftPath()), null, Map.of()));
        });
        WriteOutcome resent = update(item, form.json(type, posted));
        assertThat(resent).as("the %s form sent back as shown changes nothing (%s)", typeName, posted)
                .isEqualTo(WriteOutcome.UNCHANGED);
        Optional<PropertyDefinition> text = type.properties().stream()
                .filter(p -> p.type().kind() == fr.anct.opencollectivites.content.PropertyType.Kind.STRING && !p.multiple())
                .findFirst();
        if (text.isPresent()) {
            Map<String, String> edited = new HashMap<>(posted);
            edited.put(text.get().name(), "Valeur modifiée");
            WriteOutcome changed = update(item, form.json(type, edited));
            assertThat(changed).as("%s.%s changed in the form", typeName, text.get().name()).isEqualTo(WriteOutcome.UPDATED);
            Map<String, Object> draft = repository.withSystemSession(session -> ContentMap.of(session.getNode(item.draftPath())));
            assertThat(draft).as("the edited %s draft", typeName).containsEntry(text.get().name(), "Valeur modifiée");
        }
    }

    /** The draft updated as the form's save does; a refusal fails with the violations the author would read. */
    private static WriteOutcome update(ItemPath item, JsonNode properties) {
        try {
            return repository.withSystemSession(session -> drafts.update(session, item, properties));
        } catch (DraftException e) {
            throw new AssertionError(item + " refused: " + e.violations() + " for " + properties, e);
        }
    }

    /** The form as a browser sends it: every input's value, a checked box as "on", each row count. */
    private static Map<String, String> posted(List<FormField> fields) {
        Map<String, String> posted = new HashMap<>();
        for (FormField field : fields) {
            switch (field.control()) {
                case "subform" -> posted.putAll(posted(field.children()));
                case "subforms" -> {
                    posted.put(field.name() + "." + ContentForm.ROWS, field.value());
                    field.rows().forEach(row -> posted.putAll(posted(row.fields())));
                }
                case "checkbox" -> {
                    if ("true".equals(field.value())) {
                        posted.put(field.name(), "on");
                    }
                }
                default -> posted.put(field.name(), field.value());
            }
        }
        return posted;
    }

    /** The text a page shows of each value (numbers as written by {@code ?c}). */
    private static List<String> texts(Object value) {
        List<String> texts = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> texts.addAll(texts(v)));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> texts.addAll(texts(v)));
        } else if (value instanceof BigDecimal decimal) {
            texts.add(decimal.stripTrailingZeros().toPlainString());
        } else if (value instanceof String string) {
            texts.add(string.replaceAll("<[^>]+>", ""));
        } else {
            texts.add(String.valueOf(value));
        }
        return texts;
    }

    /** The contract above delivers through the endpoints: they are found for the types the API serves. */
    @org.junit.jupiter.api.Test
    void theDeliveredTypesAreCheckedThroughTheirEndpoint() {
        for (String served : List.of("commune", "epci", "departement", "region", "publication", "mairie", "elu")) {
            assertThat(deliveryEndpoint(TYPES.require(served))).as(served).isPresent();
        }
    }

    /** The endpoint serving this type's nodes under its root, if the light module declares one. */
    private static Optional<DeliveryEndpointDefinition> deliveryEndpoint(ContentTypeDefinition type) {
        String root = Workspaces.livePath(type.datasource().workspace(), type.datasource().rootPath());
        return DeliveryEndpoints.load(TestLightModule.dir(), TYPES).all().stream()
                .filter(e -> e.nodeTypes().contains(type.nodeType()))
                .filter(e -> root.startsWith(e.rootAbsolutePath()))
                .findFirst();
    }

    private static void collect(List<FormField> fields, List<String> names) {
        for (FormField field : fields) {
            names.add(field.name());
            collect(field.children(), names);
            for (FormField.Row row : field.rows()) {
                names.add(row.name());
                collect(row.fields(), names);
            }
        }
    }

    /** A valid value for every declared property (a list of one for a multiple one). */
    private static Map<String, Object> sample(ContentTypeDefinition type) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (PropertyDefinition property : type.properties()) {
            Object value = switch (property.type().kind()) {
                case STRING -> "Valeur de " + property.name();
                case BOOLEAN -> true;
                case LONG -> 42L;
                case DOUBLE -> 1.5;
                case DECIMAL -> new BigDecimal("12.50");
                case DATE -> LocalDate.of(2025, 1, 15);
                case RICH_TEXT -> "<p>Texte de " + property.name() + "</p>";
                case ASSET -> "/.rest/assets/a1b2c3d4/" + "0".repeat(64) + "/photo.png";
                case REFERENCE -> sampleName(property.type().target());
                case TERRITORY -> SAMPLE_TERRITORY;
                case URL -> "https://www.collectivites-locales.gouv.fr/" + property.name();
                case SUB_MODEL -> sample(type.subModel(property.type().target()).orElseThrow());
            };
            values.put(property.name(), property.multiple() ? List.of(value) : value);
        }
        return values;
    }
}
