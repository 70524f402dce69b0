package fr.anct.opencollectivites.search;

import static fr.anct.opencollectivites.TestReferentiel.commune;
import static fr.anct.opencollectivites.TestReferentiel.departement;
import static fr.anct.opencollectivites.TestReferentiel.epci;
import static fr.anct.opencollectivites.TestReferentiel.region;

import java.util.List;
import java.util.Map;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.module.RepositoryBootstrap;

/** A small référentiel mirroring the quirks of the national data that the search must handle. */
final class SearchTestData {
    static final ContentTypeRegistry TYPES = TestLightModule.contentTypes();

    private SearchTestData() {
    }

    static OakRepository repositoryWithReferentiel() {
        OakRepository repository = OakRepository.inMemory();
        new RepositoryBootstrap(TYPES).install(repository);
        repository.withSystemSession(session -> {
            write(session);
            session.save();
            return null;
        });
        return repository;
    }

    private static void write(Session session) throws RepositoryException {
        region(session, "11", "Île-de-France", 12_300_000);
        region(session, "84", "Auvergne-Rhône-Alpes", 8_100_000);
        region(session, "93", "Provence-Alpes-Côte d'Azur", 5_100_000);
        region(session, "94", "Corse", 350_000);

        departement(session, "01", "Ain", "84", 660_000);
        departement(session, "13", "Bouches-du-Rhône", "93", 2_050_000);
        departement(session, "17", "Charente-Maritime", "75", 660_000);
        departement(session, "28", "Eure-et-Loir", "24", 430_000);
        departement(session, "2A", "Corse-du-Sud", "94", 160_000);
        departement(session, "42", "Loire", "84", 770_000);
        departement(session, "74", "Haute-Savoie", "84", 840_000);
        // Larger than the commune on purpose: an exact commune name still comes first.
        departement(session, "75", "Paris", "11", 2_200_000);
        departement(session, "78", "Yvelines", "11", 1_450_000);
        departement(session, "80", "Somme", "32", 570_000);

        commune(session, "01001", "COM", "L'Abergement-Clémenciat", "01", 859);
        commune(session, "42218", "COM", "Saint-Étienne", "42", 171_000);
        commune(session, "76575", "COM", "Saint-Étienne-du-Rouvray", "76", 28_000);
        commune(session, "42220", "COM", "Saint-Étienne-le-Molard", "42", 1_000);
        // A commune associée named like a commune, with a larger population: it still comes after.
        commune(session, "42999", "COMA", "Saint-Étienne", "42", 500_000);
        commune(session, "93072", "COM", "Stains", "93", 39_000);
        commune(session, "2A004", "COM", "Ajaccio", "2A", 73_000, Map.of("siren", "212000046"));
        commune(session, "13055", "COM", "Marseille", "13", 870_000);
        commune(session, "13201", "ARM", "Marseille 1er Arrondissement", "13", 40_000);
        commune(session, "13208", "ARM", "Marseille 8e Arrondissement", "13", 82_000);
        commune(session, "75056", "COM", "Paris", "75", 2_100_000);
        commune(session, "75101", "ARM", "Paris 1er Arrondissement", "75", 16_000);
        commune(session, "75115", "ARM", "Paris 15e Arrondissement", "75", 230_000);
        commune(session, "95176", "COM", "Cormeilles-en-Parisis", "95", 25_000);
        commune(session, "17457", "COM", "La Devise", "17", 1_600, Map.of(
                "anciensCodes", List.of("17101", "17352"),
                "anciensNoms", List.of("Chervettes", "Saint-Laurent-de-la-Barrière", "Vandré")));
        commune(session, "28274", "COM", "Moutiers-en-Beauce", "28", 60, Map.of("anciensNoms", List.of("Moutiers")));
        commune(session, "35199", "COM", "Moutiers", "35", 800);
        commune(session, "54391", "COM", "Moutiers", "54", 1_700);
        commune(session, "73181", "COM", "Moûtiers", "73", 3_600);
        commune(session, "85157", "COM", "Moutiers-les-Mauxfaits", "85", 2_700);
        commune(session, "85158", "COM", "Moutiers-sur-le-Lay", "85", 800);
        commune(session, "61300", "COM", "Moutiers-au-Perche", "61", 400);
        commune(session, "89270", "COM", "Moutiers-en-Puisaye", "89", 300);
        commune(session, "21447", "COM", "Moutiers-Saint-Jean", "21", 200);
        commune(session, "79188", "COM", "Moutiers-sous-Argenton", "79", 300);
        commune(session, "79189", "COM", "Moutiers-sous-Chantemerle", "79", 400);
        commune(session, "44106", "COM", "Les Moutiers-en-Retz", "44", 1_600);
        commune(session, "80829", "COM", "Y", "80", 90);
        commune(session, "91691", "COM", "Yerres", "91", 29_000);
        commune(session, "76758", "COM", "Yvetot", "76", 11_000);
        commune(session, "03321", "COM", "Yzeure", "03", 13_000);
        commune(session, "74010", "COM", "Annecy", "74", 130_000);
        // Same code and name as the commune nouvelle, larger population: still after it.
        commune(session, "74010", "COMD", "Annecy", "74", 131_000);
        commune(session, "74093", "COMD", "Cran-Gevrier", "74", 17_000);

        epci(session, "244200770", "Saint-Étienne Métropole", "42", 400_000);
        epci(session, "200054807", "Métropole d'Aix-Marseille-Provence", "13", 1_900_000);
        epci(session, "200054781", "Métropole du Grand Paris", "75", 7_000_000);
    }
}
