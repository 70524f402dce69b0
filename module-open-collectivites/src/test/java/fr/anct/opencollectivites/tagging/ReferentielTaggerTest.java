package fr.anct.opencollectivites.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.repository.OakRepository;

/** The tagger over a small référentiel imported from CSV fixtures: the hard cases, one by one. */
@Tag("repository")
class ReferentielTaggerTest {
    @TempDir
    static Path workDir;
    static OakRepository repository;
    static ReferentielTagger tagger;

    @BeforeAll
    static void importReferentiel() throws Exception {
        repository = SmallReferentiel.imported(workDir);
        tagger = new ReferentielTagger(repository, TestLightModule.contentTypes(), ThemeRules.standard()).observe();
    }

    @AfterAll
    static void close() {
        tagger.close();
        repository.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Saint-Denis (La Réunion) : un quart des habitants en quartier prioritaire | commune:97411
            Saint-Denis (Seine-Saint-Denis) : la délinquance recule                  | commune:93066
            Saint-Denis (93) : la délinquance recule                                 | commune:93066
            À Saint-Denis, le budget participatif finance douze projets              | ''
            Saint-Denis et Sainte-Marie, deux communes de La Réunion                 | commune:97411 commune:97418 departement:974 region:04
            Sainte-Marie (Martinique) manque de médecins                             | commune:97228
            Le prix de l'orange augmente ; le marché de l'orange se tend             | ''
            La ville d'Orange renforce sa police municipale                          | commune:84087
            À Orange (Vaucluse), le théâtre antique attire 150 000 visiteurs         | commune:84087
            La génération Y et l'emploi public                                       | ''
            La pauvreté y recule                                                     | ''
            La commune de Y (Somme) compte 90 habitants                              | commune:80829
            Les communes qui ont eu recours à l'emprunt                              | ''
            La ville d'Eu rénove son château                                         | commune:76255
            Haute-Garonne : le RSA concerne 4 % de la population                     | departement:31
            En Occitanie, la population progresse                                    | region:76
            HAUTE-GARONNE ET OCCITANIE                                               | departement:31 region:76
            Les résultats de la DGF et du RSA                                        | ''
            Toulouse Métropole : la part du vélo double                              | epci:243100518
            Toulouse et Toulouse Métropole                                           | commune:31555 epci:243100518
            La CC du Pays d'Orange en Provence vote son budget                       | epci:248400236
            La communauté de communes du Pays d'Orange en Provence vote son budget  | epci:248400236
            La CINOR investit dans l'eau potable                                     | epci:249740119
            Grigny parmi les communes les plus pauvres                               | commune:91286
            Grigny (Pas-de-Calais) rénove son école                                  | commune:62388
            À Paris, les dépenses sociales augmentent                                | commune:75056 departement:75
            Le département de la Somme et la Seine-Maritime                          | departement:76 departement:80
            Une somme de 3 milliards d'euros                                         | ''
            Provence-Alpes-Côte d'Azur : les feux de forêt                           | region:93
            """)
    void tagsTerritories(String title, String expected) {
        Tags tags = tagger.tag(title, null);
        assertThat(String.join(" ", new java.util.TreeSet<>(tags.territories()))).isEqualTo(expected);
    }

    @Test
    void themesComeFromTheKeywordRules() {
        Tags tags = tagger.tag("La dotation globale de fonctionnement des communes rurales",
                "Les violences enregistrées par la police et la fiscalité locale");
        assertThat(tags.themes()).containsExactlyInAnyOrder("aides-dotations", "securite", "finances-fiscalite");
        assertThat(tagger.tag("Indice des prix à la consommation", "L'inflation ralentit.").themes()).isEmpty();
    }

    @Test
    void aCommuneAddedToTheReferentielIsFoundWithoutRestart() throws Exception {
        assertThat(tagger.tag("Vitry-sur-Seine rénove ses écoles", "").territories()).isEmpty();
        repository.withSystemSession(session -> {
            new ContentWriter().upsert(session, "/collectivites/communes/94/94081",
                    TestLightModule.contentTypes().require("commune"),
                    Map.of("code", "94081", "typecom", "COM", "nom", "Vitry-sur-Seine", "departement", "94"));
            session.save();
            return null;
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(tagger.tag("Vitry-sur-Seine rénove ses écoles", "").territories()).containsExactly("commune:94081"));
    }
}
