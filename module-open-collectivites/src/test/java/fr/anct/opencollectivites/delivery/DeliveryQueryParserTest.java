package fr.anct.opencollectivites.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.content.ContentTypeRegistry;

@Tag("unit")
class DeliveryQueryParserTest {
    private final ContentTypeRegistry types = TestLightModule.contentTypes();
    private final DeliveryEndpointDefinition communes =
            DeliveryEndpoints.load(TestLightModule.dir(), types).byName("communes").orElseThrow();
    private final DeliveryQueryParser parser = new DeliveryQueryParser(types);

    private DeliveryQuery parse(String... keyValues) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            parameters.computeIfAbsent(keyValues[i], k -> new java.util.ArrayList<>()).add(keyValues[i + 1]);
        }
        return parser.parse(communes, parameters);
    }

    private void assertRefused(DeliveryError error, String messageKey, String... keyValues) {
        assertThatThrownBy(() -> parse(keyValues)).isInstanceOfSatisfying(DeliveryException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.messageKey()).isEqualTo(messageKey);
        });
    }

    @Test
    void defaultsComeFromTheEndpoint() {
        DeliveryQuery query = parse();
        assertThat(query.offset()).isZero();
        assertThat(query.limit()).isEqualTo(20);
        assertThat(query.filters()).isEmpty();
        assertThat(query.orderBy()).isEmpty();
    }

    @Test
    void valuesAreTypedAfterTheContentType() {
        DeliveryQuery query = parse("population[gte]", "1000", "code", "01001", "mgnl:lastModified[gt]", "2026-01-01");
        assertThat(query.filters()).extracting(DeliveryQuery.Filter::operator)
                .containsExactly(FilterOperator.GTE, FilterOperator.EQ, FilterOperator.GT);
        assertThat(query.filters().get(0).values()).containsExactly(1000L);
        assertThat(query.filters().get(1).values()).containsExactly("01001");
        assertThat(query.filters().get(2).values().get(0)).isInstanceOf(Calendar.class);
    }

    @Test
    void listsRangesAndNames() {
        assertThat(parse("code[in]", "01001, 01002,75056").filters().get(0).values())
                .containsExactly("01001", "01002", "75056");
        assertThat(parse("population[range]", "10~20").filters().get(0).values()).containsExactly(10L, 20L);
        assertThat(parse("@name[in]", "a,b").filters().get(0).property()).isEqualTo("@name");
    }

    @Test
    void limitIsCappedAndOrderIsParsed() {
        assertThat(parse("limit", "5000").limit()).isEqualTo(100);
        assertThat(parse("orderBy", "nom asc, population DESC,code").orderBy()).containsExactly(
                new DeliveryQuery.Order("nom", true), new DeliveryQuery.Order("population", false),
                new DeliveryQuery.Order("code", true));
    }

    @Test
    void ancestorIsAnAbsolutePathInsideTheRoot() {
        assertThat(parse("@ancestor", "/communes/01/").ancestor()).contains("/collectivites/communes/01");
        assertRefused(DeliveryError.INVALID_QUERY, "delivery.error.ancestor", "@ancestor", "/communes/01') OR ('1'='1");
        assertRefused(DeliveryError.INVALID_QUERY, "delivery.error.ancestor", "@ancestor", "/communes/../oc:system");
        assertRefused(DeliveryError.INVALID_QUERY, "delivery.error.ancestor", "@ancestor", "/communesX");
    }

    @Test
    void refusalsCarryMagnoliaCodes() {
        assertRefused(DeliveryError.INVALID_QUERY, "delivery.error.unknownProperty", "superficie", "1");
        assertRefused(DeliveryError.INVALID_QUERY, "delivery.error.unknownProperty", "jcr:uuid", "1");
        assertRefused(DeliveryError.INVALID_QUERY, "delivery.error.unknownOperator", "population[between]", "1");
        assertRefused(DeliveryError.INVALID_QUERY, "delivery.error.unknownParameter", "nom]", "1");
        assertRefused(DeliveryError.INVALID_VALUE_FORMAT, "delivery.error.valueFormat", "population", "12a");
        assertRefused(DeliveryError.INVALID_QUERY, "delivery.error.likeOnText", "population[like]", "1%");
        assertRefused(DeliveryError.INVALID_QUERY, "delivery.error.repeatedParameter", "limit", "1", "limit", "2");
        assertRefused(DeliveryError.INVALID_QUERY, "delivery.error.orderBy", "orderBy", "nom up");
        assertRefused(DeliveryError.INVALID_QUERY, "delivery.error.fullText", "q", "  ");
    }
}
