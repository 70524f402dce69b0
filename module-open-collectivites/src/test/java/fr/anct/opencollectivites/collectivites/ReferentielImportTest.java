package fr.anct.opencollectivites.collectivites;

import static fr.anct.opencollectivites.imports.ImportTestSupport.cells;
import static fr.anct.opencollectivites.imports.ImportTestSupport.epcicomHeader;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.imports.ImportReport;
import fr.anct.opencollectivites.imports.ImportRun;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.imports.ProgressListener;
import fr.anct.opencollectivites.repository.OakRepository;

/** The référentiel importers on small hand-written files that hold every quirk of the national ones. */
@Tag("repository")
class ReferentielImportTest {
    private OakRepository repository;
    private ImportService imports;

    @BeforeEach
    void setUp() {
        repository = ImportTestSupport.bootstrapped(OakRepository.inMemory());
        imports = ImportTestSupport.service(repository);
    }

    @AfterEach
    void tearDown() {
        repository.close();
    }

    private ImportRun importCog() {
        ImportRun run = imports.importPath(ImportTestSupport.resource("cog"), ProgressListener.NONE);
        assertThat(run.failed()).as(run.summary(TestLightModule.messages())).isFalse();
        return run;
    }

    @Test
    void recognisesCogFilesByContentAndImportsThemInDependencyOrder() {
        ImportRun run = importCog();
        assertThat(run.reports()).extracting(ImportReport::importer).containsExactly(
                "cog-regions", "cog-departements", "cog-arrondissements", "cog-communes", "cog-mouvements");
        assertThat(run.unrecognised()).isEmpty();
        ImportReport communes = run.reports().get(3);
        assertThat(communes.read()).isEqualTo(17);
        assertThat(communes.created()).isEqualTo(17);
        assertThat(communes.rejected()).isZero();
    }

    @Test
    void storesCommunesUnderTheirDepartementBucketWithTheirParentsPlace() {
        importCog();
        repository.withSystemSession(session -> {
            assertThat(string(session, "/collectivites/regions/94", "nom")).isEqualTo("Corse");
            assertThat(string(session, "/collectivites/departements/2A", "region")).isEqualTo("94");
            assertThat(string(session, "/collectivites/departements/976", "region")).isEqualTo("06");
            assertThat(string(session, "/collectivites/arrondissements/9712", "departement")).isEqualTo("971");
            assertThat(string(session, "/collectivites/communes/2A/2A004", "departement")).isEqualTo("2A");
            // the same code as COM and as COMD of the same commune
            assertThat(string(session, "/collectivites/communes/01/01015", "typecom")).isEqualTo("COM");
            assertThat(string(session, "/collectivites/communes/01/01015-comd", "typecom")).isEqualTo("COMD");
            assertThat(string(session, "/collectivites/communes/01/01015-comd", "departement")).isEqualTo("01");
            // a COMD listed before its parent COM in the file
            assertThat(string(session, "/collectivites/communes/01/01039-comd", "communeParente")).isEqualTo("01138");
            assertThat(string(session, "/collectivites/communes/01/01039-comd", "region")).isEqualTo("84");
            // a COMA of the Aisne attached to a Nord commune: Aisne bucket, Nord département
            Node coma = session.getNode("/collectivites/communes/02/02285-coma");
            assertThat(coma.getProperty("departement").getString()).isEqualTo("59");
            assertThat(coma.getProperty("region").getString()).isEqualTo("32");
            // overseas: three-character bucket; Mayotte has no arrondissement
            Node mamoudzou = session.getNode("/collectivites/communes/976/97611");
            assertThat(mamoudzou.hasProperty("arrondissement")).isFalse();
            assertThat(mamoudzou.getProperty("collectiviteTerritoriale").getString()).isEqualTo("976R");
            assertThat(string(session, "/collectivites/communes/971/97101", "nom")).isEqualTo("Les Abymes");
            assertThat(session.getNode("/collectivites/communes/971/97101").getProperty("typeNomEtCharniere").getLong())
                    .isEqualTo(4);
            assertThat(string(session, "/collectivites/communes/75/75101", "typecom")).isEqualTo("ARM");
            assertThat(string(session, "/collectivites/communes/75/75101", "communeParente")).isEqualTo("75056");
            assertThat(session.getNode("/collectivites/communes/75/75056").hasProperty("communeParente")).isFalse();
            return null;
        });
    }

    @Test
    void mouvementsGiveFormerCodesAndNamesAndTheResolverFollowsThem() {
        importCog();
        repository.withSystemSession(session -> {
            assertThat(strings(session, "/collectivites/communes/17/17457", "anciensCodes")).containsExactly("17352");
            assertThat(strings(session, "/collectivites/communes/17/17457", "anciensNoms"))
                    .containsExactly("Saint-Laurent-de-la-Barrière", "Vandré");
            assertThat(strings(session, "/collectivites/communes/28/28274", "anciensNoms")).containsExactly("Moutiers");
            assertThat(session.getNode("/collectivites/communes/28/28274").hasProperty("anciensCodes")).isFalse();
            assertThat(strings(session, "/collectivites/communes/01/01138", "anciensCodes")).containsExactly("01039");
            assertThat(strings(session, "/collectivites/communes/2A/2A004", "anciensCodes")).containsExactly("20004");
            return null;
        });
        CommuneResolver resolver = new CommuneResolver(repository, TestLightModule.contentTypes());
        assertThat(resolver.resolve("17352")).hasValueSatisfying(c -> {
            assertThat(c.code()).isEqualTo("17457");
            assertThat(c.path()).isEqualTo("/collectivites/communes/17/17457");
            assertThat(c.former()).isTrue();
        });
        assertThat(resolver.resolve("20004")).hasValueSatisfying(c -> assertThat(c.code()).isEqualTo("2A004"));
        assertThat(resolver.resolve("17457")).hasValueSatisfying(c -> assertThat(c.former()).isFalse());
        assertThat(resolver.resolve("99999")).isEmpty();
        assertThat(resolver.resolve("not a code")).isEmpty();
    }

    @Test
    void populationsOfParisAreTheSumOfItsArrondissements() {
        importCog();
        ImportRun run = imports.importPath(ImportTestSupport.resource("populations"), ProgressListener.NONE);
        ImportReport report = run.reports().get(0);
        assertThat(report.importer()).isEqualTo("insee-populations");
        assertThat(report.failed()).isFalse();
        // 01999 is not in the COG: skipped, named, the rest imported
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.rejections().get(0).toString()).startsWith("communes.csv:6: ").contains("01999");
        repository.withSystemSession(session -> {
            Node paris = session.getNode("/collectivites/communes/75/75056");
            assertThat(paris.getProperty("population").getLong()).isEqualTo(15917 + 182318);
            assertThat(paris.getProperty("populationCompteeAPart").getLong()).isEqualTo(107 + 1220);
            assertThat(paris.getProperty("populationTotale").getLong()).isEqualTo(16024 + 183538);
            assertThat(paris.getProperty("millesimePopulation").getLong()).isEqualTo(2023);
            assertThat(session.getNode("/collectivites/communes/01/01001").getProperty("population").getLong())
                    .isEqualTo(860);
            assertThat(session.getNode("/collectivites/departements/75").getProperty("population").getLong())
                    .isEqualTo(15917 + 182318);
            assertThat(session.getNode("/collectivites/regions/84").getProperty("population").getLong())
                    .isEqualTo(860);
            return null;
        });
    }

    @Test
    void aPartialPopulationFileKeepsTheTotalsOfTheCommunesItDoesNotList(@TempDir Path dir) throws Exception {
        importCog();
        imports.importPath(ImportTestSupport.resource("populations"), ProgressListener.NONE);
        Path slice = dir.resolve("slice_PL2023.csv");
        java.nio.file.Files.writeString(slice, "REG;Région;DEP;CODARR;CODCAN;CODCOM;COM;Commune;PMUN;PCAP;PTOT\r\n"
                + "11;Île-de-France;75;1;99;101;75101;Paris 1er Arrondissement;16000;100;16100\r\n");
        ImportRun run = imports.importPath(slice, ProgressListener.NONE);
        assertThat(run.failed()).as(run.summary(TestLightModule.messages())).isFalse();
        repository.withSystemSession(session -> {
            assertThat(session.getNode("/collectivites/communes/75/75056").getProperty("population").getLong())
                    .as("Paris: the new 1er plus the 20e as it was").isEqualTo(16000 + 182318);
            assertThat(session.getNode("/collectivites/departements/75").getProperty("population").getLong())
                    .isEqualTo(16000 + 182318);
            assertThat(session.getNode("/collectivites/regions/84").getProperty("population").getLong())
                    .as("a région the slice does not touch").isEqualTo(860);
            return null;
        });
    }

    @Test
    void epciFromTheDgclWorkbookWhateverItsYearAndRemovedWhenAbsentFromTheNextOne(@TempDir Path dir) throws Exception {
        importCog();
        Path epcicom = ImportTestSupport.xlsx(dir.resolve("a.xlsx"), "Epcicom2031", List.of(
                epcicomHeader(2031),
                cells("01", 200040350, "CC Bugey Sud", "CC", "FPU", 2, 1200, 1150, "01", "01015", 210100152, "Arboys", 600, 580),
                cells("01", 200040350, "CC Bugey Sud", "CC", "FPU", 2, 1200, 1150, "01", "01138", 210101384, "Culoz", 600, 570),
                cells("17", 200041689, "CA Rochefort Océan", "CA", "FPU", 1, 500, 490, "17", "17352", 211703525, "Saint-Laurent", 500, 490),
                cells("75", 200054781, "Métropole du Grand Paris", "METRO", "FPU", 1, 2e6, 2e6, "75", "75056", 217500016, "Paris", 2e6, 2e6),
                cells()));
        assertThat(imports.recognise(epcicom)).hasValueSatisfying(i -> assertThat(i.name()).isEqualTo("dgcl-epcicom"));
        ImportReport report = imports.importPath(epcicom, ProgressListener.NONE).reports().get(0);
        assertThat(report.failed()).as(report.rejections().toString()).isFalse();
        assertThat(report.read()).isEqualTo(4);
        repository.withSystemSession(session -> {
            Node cc = session.getNode("/collectivites/epci/200040350");
            assertThat(cc.getProperty("natureJuridique").getString()).isEqualTo("CC");
            assertThat(cc.getProperty("siren").getString()).isEqualTo("200040350");
            assertThat(cc.getProperty("nombreMembres").getLong()).isEqualTo(2);
            assertThat(cc.getProperty("population").getLong()).isEqualTo(1150);
            assertThat(cc.getProperty("populationTotale").getLong()).isEqualTo(1200);
            assertThat(cc.getProperty("millesime").getLong()).isEqualTo(2031);
            assertThat(cc.getProperty("departementSiege").getString()).isEqualTo("01");
            assertThat(strings(session, "/collectivites/epci/200040350", "membres")).containsExactly("01015", "01138");
            // a member listed under its former code belongs to today's commune
            assertThat(strings(session, "/collectivites/epci/200041689", "membres")).containsExactly("17457");
            assertThat(string(session, "/collectivites/communes/17/17457", "epci")).isEqualTo("200041689");
            assertThat(string(session, "/collectivites/communes/01/01015", "epci")).isEqualTo("200040350");
            assertThat(session.getNode("/collectivites/communes/2A/2A004").hasProperty("epci")).isFalse();
            // only communes (COM) belong to an EPCI
            assertThat(session.getNode("/collectivites/communes/01/01015-comd").hasProperty("epci")).isFalse();
            return null;
        });

        // one département's EPCI: a partial file, which adds and updates only
        Path slice = ImportTestSupport.xlsx(dir.resolve("b.xlsx"), "Epcicom2032", List.of(
                epcicomHeader(2032),
                cells("01", 200040350, "CC Bugey Sud", "CC", "FPU", 1, 600, 580, "01", "01015", 210100152, "Arboys", 600, 580)));
        ImportReport partial = imports.importPath(slice, ProgressListener.NONE).reports().get(0);
        assertThat(partial.removed()).isZero();
        assertThat(partial.notes()).anySatisfy(note -> assertThat(note).startsWith("Fichier partiel : il couvre 1/3 départements"));
        repository.withSystemSession(session -> {
            assertThat(session.nodeExists("/collectivites/epci/200041689")).isTrue();
            assertThat(string(session, "/collectivites/communes/17/17457", "epci")).isEqualTo("200041689");
            assertThat(string(session, "/collectivites/communes/01/01138", "epci")).isEqualTo("200040350");
            return null;
        });

        // every département, most EPCI: the whole list; the one it no longer lists goes
        Path next = ImportTestSupport.xlsx(dir.resolve("c.xlsx"), "Epcicom2032", List.of(
                epcicomHeader(2032),
                cells("01", 200040350, "CC Bugey Sud", "CC", "FPU", 2, 1200, 1150, "01", "01015", 210100152, "Arboys", 600, 580),
                cells("01", 200040350, "CC Bugey Sud", "CC", "FPU", 2, 1200, 1150, "01", "01138", 210101384, "Culoz", 600, 570),
                cells("17", 200099990, "CC Nouvelle", "CC", "FPU", 1, 500, 490, "17", "17457", 211704572, "La Devise", 500, 490),
                cells("75", 200054781, "Métropole du Grand Paris", "METRO", "FPU", 1, 2e6, 2e6, "75", "75056", 217500016, "Paris", 2e6, 2e6)));
        ImportReport second = imports.importPath(next, ProgressListener.NONE).reports().get(0);
        assertThat(second.removed()).isEqualTo(1);
        assertThat(second.notes()).contains("Fichier complet : 1 EPCI qu'il ne liste plus supprimé(s).");
        repository.withSystemSession(session -> {
            assertThat(session.nodeExists("/collectivites/epci/200041689")).isFalse();
            assertThat(string(session, "/collectivites/communes/17/17457", "epci")).isEqualTo("200099990");
            assertThat(session.getNode("/collectivites/communes/2A/2A004").hasProperty("epci")).isFalse();
            assertThat(session.getNode("/collectivites/epci/200040350").getProperty("millesime").getLong()).isEqualTo(2032);
            return null;
        });
    }

    @Test
    void banaticSetsTheSirenOfCurrentCommunesOnly(@TempDir Path dir) throws Exception {
        importCog();
        Path banatic = ImportTestSupport.xlsx(dir.resolve("siren.xlsx"), "insee_siren", List.of(
                cells("Reg_com", "dep_com", "siren", "insee", "nom_com", "ptot_2024", "pmun_2024", "pcap_2024"),
                cells("84", "01", 210100012, "01001", "L'Abergement-Clémenciat", 848, 832, 16),
                cells("75", "17", 211703525, "17352", "Saint-Laurent-de-la-Barrière", 100, 99, 1),
                cells("84", "01", 210109999, "01999", "Inconnue", 10, 10, 0)));
        ImportReport report = imports.importPath(banatic, ProgressListener.NONE).reports().get(0);
        assertThat(report.importer()).isEqualTo("banatic-siren");
        assertThat(report.vintage()).isEqualTo(2024);
        assertThat(report.updated()).isEqualTo(1);
        // a former code is resolved through the mouvements, not rejected; its SIREN is not today's commune's
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.rejections().get(0).toString()).startsWith("siren.xlsx [insee_siren]:4: Commune 01999 inconnue");
        assertThat(report.notes()).anySatisfy(note -> assertThat(note).startsWith("1 ligne(s) nommant l'ancien code"));
        repository.withSystemSession(session -> {
            assertThat(string(session, "/collectivites/communes/01/01001", "siren")).isEqualTo("210100012");
            assertThat(session.getNode("/collectivites/communes/17/17457").hasProperty("siren")).isFalse();
            return null;
        });
    }

    @Test
    void aSecondImportOfTheSameFilesChangesNothing() {
        importCog();
        imports.importPath(ImportTestSupport.resource("populations"), ProgressListener.NONE);
        Map<String, String> before = ImportTestSupport.dump(repository, "/collectivites");

        ImportRun again = imports.importPath(ImportTestSupport.resource("cog"), ProgressListener.NONE);
        ImportRun populations = imports.importPath(ImportTestSupport.resource("populations"), ProgressListener.NONE);

        List<ImportReport> reports = new ArrayList<>(again.reports());
        reports.addAll(populations.reports());
        for (ImportReport report : reports) {
            assertThat(report.created() + report.updated() + report.removed()).as(report.importer()).isZero();
            assertThat(report.unchanged()).as(report.importer()).isPositive();
            assertThat(report.saved()).as(report.importer()).isFalse();
        }
        assertThat(ImportTestSupport.dump(repository, "/collectivites")).isEqualTo(before);
    }

    private static String string(Session session, String path, String property) throws RepositoryException {
        return session.getNode(path).getProperty(property).getString();
    }

    private static List<String> strings(Session session, String path, String property) throws RepositoryException {
        List<String> values = new ArrayList<>();
        for (Value value : session.getNode(path).getProperty(property).getValues()) {
            values.add(value.getString());
        }
        return values;
    }
}
