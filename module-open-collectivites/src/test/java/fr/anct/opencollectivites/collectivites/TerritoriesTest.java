package fr.anct.opencollectivites.collectivites;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.content.TerritoryKey;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.tagging.SmallReferentiel;

/** A territory and the territories that contain it, read from a référentiel imported by the real importers. */
@Tag("repository")
class TerritoriesTest {
    private static OakRepository repository;
    private final Territories territories = new Territories(TestLightModule.contentTypes());

    @BeforeAll
    static void importReferentiel(@TempDir Path work) throws Exception {
        repository = SmallReferentiel.imported(work);
    }

    @AfterAll
    static void close() {
        repository.close();
    }

    @Test
    void aCommuneHasItsEpciItsDepartementAndItsRegion() {
        assertThat(parents("commune:31555")).contains(
                List.of("commune:31555", "epci:243100518", "departement:31", "region:76"));
    }

    @Test
    void anEpciHasTheDepartementOfItsSiegeAndItsRegion() {
        assertThat(parents("epci:243100518")).contains(List.of("epci:243100518", "departement:31", "region:76"));
        assertThat(parents("epci:249740119")).contains(List.of("epci:249740119", "departement:974", "region:04"));
    }

    @Test
    void aDepartementHasItsRegionAndARegionNothingAbove() {
        assertThat(parents("departement:31")).contains(List.of("departement:31", "region:76"));
        assertThat(parents("region:76")).contains(List.of("region:76"));
    }

    @Test
    void aKeyInAnotherCaseOrWithSpacesIsTheSameTerritory() {
        assertThat(parents(" Departement : 31 ")).contains(List.of("departement:31", "region:76"));
    }

    @Test
    void anUnknownOrMalformedKeyHasNone() {
        assertThat(parents("commune:99999")).isEmpty();
        assertThat(parents("canton:3101")).isEmpty();
        assertThat(parents("31555")).isEmpty();
    }

    private Optional<List<String>> parents(String key) {
        return repository.withAnonymousSession(session -> territories.withParents(session, key)
                .map(keys -> keys.stream().map(TerritoryKey::toString).toList()));
    }
}
