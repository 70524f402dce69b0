package fr.anct.opencollectivites.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import fr.anct.opencollectivites.TestLightModule;

@Tag("unit")
class ContentValidatorTest {
    private final ContentTypeRegistry types = TestLightModule.contentTypes();
    private final ContentValidator validator = new ContentValidator();

    @Test
    void requiredPropertiesMustBeGivenOrAlreadyThere() {
        List<Violation> missing = validator.validate(types.require("region"), Map.of("code", "11"), name -> false);
        assertThat(missing).containsExactly(new Violation("nom", "validation.required"));
        assertThat(validator.validate(types.require("region"), Map.of("code", "11"), "nom"::equals)).isEmpty();
        assertThat(validator.validate(types.require("region"), Map.of("code", "11", "nom", " "), name -> true))
                .extracting(Violation::key).containsExactly("validation.required");
    }

    @Test
    void valuesMustMatchTheirDeclaredType() {
        List<Violation> violations = validator.validate(types.require("commune"), Map.of(
                "code", "01001", "typecom", "COM", "nom", "L'Abergement-Clémenciat",
                "population", "860", "anciensCodes", List.of("01999"), "canton", List.of("0108")), name -> false);
        assertThat(violations).containsExactlyInAnyOrder(
                new Violation("population", "validation.type", "LONG"),
                new Violation("canton", "validation.notMultiple"));
    }

    @Test
    void unknownPropertiesAreRefusedAndMessagesAreInFrench() {
        List<Violation> violations = validator.validate(types.require("region"),
                Map.of("code", "11", "nom", "Île-de-France", "capitale", "Paris"), name -> false);
        assertThat(violations).containsExactly(new Violation("capitale", "validation.unknownProperty", "region"));
        assertThat(TestLightModule.messages().get(violations.get(0).key(), violations.get(0).args().toArray()))
                .isEqualTo("Ce champ n'existe pas dans le type de contenu « region ».");
    }
}
