package fr.anct.opencollectivites.mairies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.imports.ImportReport;
import fr.anct.opencollectivites.imports.ImportRun;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.imports.ProgressListener;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * The ten real api-lannuaire records of the shared fixtures (-Dfixtures.dir): several pivots, a mairie
 * déléguée with two codes, a code disagreeing with its pivot, websites with and without scheme or absent.
 */
@Tag("repository")
@Tag("national")
class AnnuaireSampleFixtureTest {
    private static final String SAMPLE = "public-data/annuaire-service-public/api-lannuaire_records_mairies.json";
    private OakRepository repository;
    private final MairiesReader reader = new MairiesReader(TestLightModule.contentTypes());

    @BeforeEach
    void setUp() {
        assumeTrue(TestLightModule.fixturesDir().isPresent(), "national fixtures not given (-Dfixtures.dir)");
        repository = ImportTestSupport.bootstrapped(OakRepository.inMemory());
    }

    @AfterEach
    void tearDown() {
        if (repository != null) {
            repository.close();
        }
    }

    private List<Mairie> forCommune(String code) {
        return repository.withSystemSession(session -> reader.forCommune(session, code));
    }

    private Mairie only(String code) {
        List<Mairie> mairies = forCommune(code);
        assertThat(mairies).as(code).hasSize(1);
        return mairies.get(0);
    }

    @Test
    void importsEveryMairieOfTheRealSampleWithItsQuirks() {
        ImportService imports = new ImportService(repository, TestLightModule.contentTypes(), TestLightModule.messages(),
                MairiesImporter.all());
        ImportRun run = imports.importPath(TestLightModule.fixture(SAMPLE), ProgressListener.NONE);
        assertThat(run.unrecognised()).isEmpty();
        assertThat(run.failed()).as(run.summary(TestLightModule.messages())).isFalse();
        ImportReport report = run.reports().get(0);
        assertThat(report.read()).isEqualTo(10);
        assertThat(report.created()).isEqualTo(10);
        assertThat(report.rejected()).isZero();

        // two pivots (cg and mairie): a mairie of 97701
        Mairie saintBarthelemy = only("97701");
        assertThat(saintBarthelemy.nom()).isEqualTo("Conseil territorial de Saint-Barthélemy");
        assertThat(saintBarthelemy.deleguee()).isFalse();
        assertThat(saintBarthelemy.siteInternet()).isEqualTo("https://www.comstbarth.fr");
        assertThat(saintBarthelemy.miseAJour()).isEqualTo(LocalDate.of(2026, 7, 17));

        assertThat(only("62077").siteInternet()).as("www.bajus.fr has no scheme").isEqualTo("https://www.bajus.fr");
        assertThat(only("16025").siteInternet()).as("http kept").isEqualTo("http://www.baignes-sainte-radegonde.fr");
        assertThat(only("55128").siteInternet()).as("site_internet null").isNull();
        // no adresse, telephone nor plage_ouverture were requested from the API: absent, not invented
        assertThat(only("55128").adresse()).isNull();
        assertThat(only("55128").horaires()).isEmpty();

        // a mairie déléguée whose pivot lists the commune déléguée and the commune nouvelle
        Mairie coudreceau = only("28112");
        assertThat(coudreceau.deleguee()).isTrue();
        assertThat(coudreceau.codesInsee()).containsExactly("28112", "28236");
        assertThat(forCommune("28236")).extracting(Mairie::nom).containsExactly("Mairie déléguée - Coudreceau");

        // code_insee_commune 14387 disagrees with the pivot 14431: the pivot wins
        assertThat(forCommune("14387")).isEmpty();
        Mairie magny = only("14431");
        assertThat(magny.nom()).isEqualTo("Mairie déléguée - Magny-le-Freule");
        assertThat(magny.codesInsee()).containsExactly("14431");

        // annexes are not the commune's own mairie; the first of several websites is kept
        Mairie saintServan = only("35288");
        assertThat(saintServan.deleguee()).isTrue();
        assertThat(saintServan.siteInternet()).isEqualTo("https://www.ville-saint-malo.fr");
        assertThat(only("14098").deleguee()).as("Mairie annexe - Sainte-Croix-Grand-Tonne").isTrue();
        assertThat(only("72089").deleguee()).isFalse();
    }
}
