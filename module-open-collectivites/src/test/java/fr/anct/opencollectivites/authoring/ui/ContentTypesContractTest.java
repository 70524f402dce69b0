package fr.anct.opencollectivites.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import javax.jcr.Node;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.content.ContentMap;
import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.content.PropertyDefinition;
import fr.anct.opencollectivites.content.WriteOutcome;
import fr.anct.opencollectivites.delivery.DeliveryEndpointDefinition;
import fr.anct.opencollectivites.delivery.DeliveryEndpoints;
import fr.anct.opencollectivites.delivery.DeliveryService;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.repository.Workspaces;

/**
 * The contract of every content type of the light module: an item with a value for each declared property
 * is written (validated by the type), read back whole by the templates' generic model ({@link ContentMap}),
 * delivered with every property by the delivery endpoint that serves its node type, and edited with an input
 * per property holding the stored value in the generated authoring form. A property added to a YAML type
 * is therefore written, delivered, rendered and edited without Java.
 */
@Tag("repository")
class ContentTypesContractTest {
    private static final ContentTypeRegistry TYPES = TestLightModule.contentTypes();
    private static OakRepository repository;

    @BeforeAll
    static void start() {
        repository = ImportTestSupport.bootstrapped(OakRepository.inMemory());
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
        String root = type.datasource().rootPath().replaceAll("/+$", "");
        String path = Workspaces.livePath(type.datasource().workspace(), root + "/contrat-" + typeName.toLowerCase());

        WriteOutcome written = repository.withSystemSession(session -> {
            WriteOutcome outcome = new ContentWriter().upsert(session, path, type, values);
            session.save();
            return outcome;
        });
        assertThat(written).as("written as the type declares it").isEqualTo(WriteOutcome.CREATED);

        Map<String, Object> read = repository.withAnonymousSession(session -> ContentMap.of(session.getNode(path)));
        assertThat(read).as("the templates' generic model of a live %s", typeName).containsOnlyKeys(values.keySet());

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
                case REFERENCE -> "42";
                case TERRITORY -> "commune:42218";
                case URL -> "https://www.collectivites-locales.gouv.fr/" + property.name();
                case SUB_MODEL -> sample(type.subModel(property.type().target()).orElseThrow());
            };
            values.put(property.name(), property.multiple() ? List.of(value) : value);
        }
        return values;
    }
}
