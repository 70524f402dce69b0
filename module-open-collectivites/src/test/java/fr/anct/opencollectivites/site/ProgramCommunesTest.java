package fr.anct.opencollectivites.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.collectivites.CollectivitePaths;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * The communes block's limits on a real repository: an EPCI of 1,001 communes shows the first 1,000 in
 * alphabetical order with the total, and a région of the program seen through a département filter is that
 * département's line (the HTTP behaviour is in the webapp's MiniSiteLiveBlocksTest).
 */
@Tag("repository")
@Tag("http")
class ProgramCommunesTest {
    private static final ContentTypeRegistry TYPES = TestLightModule.contentTypes();
    private static OakRepository repository;
    private final ProgramCommunes communes = new ProgramCommunes(new ReferentielNodes(TYPES));

    @BeforeAll
    static void referentiel() {
        repository = ImportTestSupport.bootstrapped(OakRepository.inMemory());
        ContentWriter writer = new ContentWriter();
        repository.withSystemSession(session -> {
            writer.upsert(session, CollectivitePaths.item(TYPES.require("region"), "84"), TYPES.require("region"),
                    Map.of("code", "84", "nom", "Auvergne-Rhône-Alpes"));
            writer.upsert(session, CollectivitePaths.item(TYPES.require("departement"), "01"), TYPES.require("departement"),
                    Map.of("code", "01", "nom", "Ain", "region", "84"));
            List<String> members = new ArrayList<>();
            for (int i = 1001; i >= 1; i--) { // listed in reverse: the block sorts
                String code = String.format("%02d%03d", 1 + i / 1000, i % 1000);
                members.add(code);
                writer.upsert(session, CollectivitePaths.commune(TYPES.require("commune"), "COM", code), TYPES.require("commune"),
                        Map.of("code", code, "typecom", "COM", "nom", String.format("Commune %04d", i),
                                "departement", code.substring(0, 2)));
            }
            writer.upsert(session, CollectivitePaths.item(TYPES.require("epci"), "200000001"), TYPES.require("epci"),
                    Map.of("code", "200000001", "siren", "200000001", "nom", "CC Grande", "natureJuridique", "CC",
                            "membres", members));
            session.save();
            return null;
        });
    }

    @AfterAll
    static void close() {
        repository.close();
    }

    private ProgramCommunes.Listing of(List<String> territories, String departement) {
        return repository.withAnonymousSession(session -> communes.of(session, territories, departement));
    }

    @Test
    void aLargeProgramShowsTheFirstThousandCommunesAndCountsThemAll() {
        ProgramCommunes.Listing listing = of(List.of("epci:200000001"), null);

        assertThat(listing.total()).isEqualTo(1001);
        assertThat(listing.truncated()).isTrue();
        assertThat(listing.communes()).hasSize(ProgramCommunes.MAX_ROWS);
        assertThat(listing.communes().get(0).name()).isEqualTo("Commune 0001");
        assertThat(listing.communes().get(999).name()).as("alphabetical: Commune 1001 is left out").isEqualTo("Commune 1000");
        assertThat(listing.communes().get(0).departementName()).isEqualTo("Ain");
    }

    @Test
    void aRegionOfTheProgramIsTheFilteredDepartementsLine() {
        ProgramCommunes.Listing ain = of(List.of("region:84"), "01");
        assertThat(ain.areas()).extracting(ProgramCommunes.Area::level, ProgramCommunes.Area::code, ProgramCommunes.Area::href)
                .containsExactly(tuple("departement", "01", "/departements/01-ain"));
        assertThat(ain.communes()).isEmpty();

        assertThat(of(List.of("region:84"), null).areas()).extracting(ProgramCommunes.Area::export)
                .containsExactly("/.rest/open-collectivites/v1/exports/regions/84/communes.csv");
        assertThat(of(List.of("region:84", "epci:200000001"), "42").areas()).as("a région without that département").isEmpty();
        assertThat(of(List.of("epci:200000001"), "42").total()).isZero();
    }
}
