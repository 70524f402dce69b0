package fr.anct.opencollectivites.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import fr.anct.opencollectivites.TestLightModule;

/** Every name of {@link ReferentielProperties} is a property the light module declares on a référentiel type. */
@Tag("unit")
class ReferentielPropertiesTest {
    private static final List<String> REFERENTIEL = List.of("commune", "epci", "departement", "region", "arrondissement");

    @Test
    void everyNameIsDeclaredByAReferentielContentType() throws IllegalAccessException {
        Set<String> declared = new TreeSet<>();
        for (String type : REFERENTIEL) {
            TestLightModule.contentTypes().require(type).properties().forEach(p -> declared.add(p.name()));
        }
        List<String> names = new java.util.ArrayList<>();
        for (Field field : ReferentielProperties.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                names.add((String) field.get(null));
            }
        }
        assertThat(names).isNotEmpty();
        assertThat(declared).containsAll(names);
    }
}
