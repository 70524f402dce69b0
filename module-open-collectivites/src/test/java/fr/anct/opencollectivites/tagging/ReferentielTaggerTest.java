package fr.anct.opencollectivites.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
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
import fr.anct.opencollectivites.content.DefinitionException;
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
        tagger = new ReferentielTagger(repository, TestLightModule.contentTypes(), TaggingRules.load(TestLightModule.dir())).observe();
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

    /** The causes of error of issue 22, one by one, with the data of the light module's tagging/ folder. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            La population du Nord-Pas-de-Calais en 2012                               | ancienne-region:31 region:32
            Le Languedoc-Roussillon attire les retraités                               | ancienne-region:91 region:76
            En Rhône-Alpes, l'emploi progresse                                        | ancienne-region:82 region:84
            Le revenu de solidarité Outre-Mer en 2021                                 | ''
            Les départements d'Outre-mer                                              | ''
            Petites Villes de demain : 1 600 communes lauréates                       | ''
            Une croissance plus forte dans le Nord-Est                                | ''
            Les quartiers Nord de Marseille                                           | commune:13055
            Le Grand Lyon vote son budget                                             | epci:200046977
            Grand Sud-Est : l'économie présentielle                                   | ''
            L'emploi progresse en France hors Mayotte                                 | ''
            Hors Mayotte, le chômage baisse ; à Mayotte il augmente                   | departement:976 region:06
            Les ménages pauvres de Paca                                               | region:93
            Dans les communautés d'agglomération du Pays Ajaccien et de Bastia        | epci:242000354 epci:242010056
            La communauté d'agglomération de Rennes en 1999                           | epci:243500139
            Les métropoles de Lille, Rennes et Lyon gagnent des habitants             | epci:200046977 epci:200093201 epci:243500139
            La croissance démographique normande à l'arrêt                            | region:28
            L'attractivité de la métropole rennaise                                   | epci:243500139
            Au cœur de l'agglomération lilloise                                       | commune:59350
            Les Lyonnais et les Bretons                                               | commune:69123 region:53
            Une lilloise à Paris                                                      | commune:75056 departement:75
            La vallée du Rhône et le long du Rhône                                    | ''
            Les vallées du Rhône et de l'Isère traversent la Drôme                    | departement:26
            Le Nord, le Pas-de-Calais et la Somme                                     | departement:59 departement:62 departement:80
            Le Nord offre des emplois, l'Ouest et le Sud autant                       | ''
            Les accords de Paris et la Côte d'Azur                                    | ''
            """)
    void readsTheOtherNamesAndLeavesOutWhatIsNoPlace(String title, String expected) {
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

    /** Theme rules with context (issue 22): demography, "sociale", mobility, environment, singular and plural. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Le PIB par habitant : la région accueille 9,3 % de la population          | ''
            L'emploi public évolue comme celle de la population                       | emploi-fonction-publique-territoriale
            La population augmente de 0,4 % par an                                    | geographie-intercommunalites
            La croissance de la population active                                     | emploi-fonction-publique-territoriale
            La protection sociale en France et en Europe                              | sante-social
            Les aides sociales et l'aide sociale à l'enfance                          | sante-social
            Mobilités résidentielles des cadres                                       | geographie-intercommunalites
            La mobilité domicile-travail en voiture                                   | developpement-durable
            Des difficultés marquées par rapport à leurs environnements urbains       | ''
            La protection de l'environnement et la biodiversité                       | developpement-durable
            Petites Villes de demain : 1 600 communes lauréates                       | aides-dotations
            1 254 EPCI à fiscalité propre au 1er janvier                              | geographie-intercommunalites
            Les dépenses imprévues des ménages                                        | ''
            Les dépenses des communes augmentent                                      | finances-fiscalite
            Un salarié sur quatre est une femme                                       | emploi-fonction-publique-territoriale
            Les écarts de salaire entre les femmes et les hommes                      | emploi-fonction-publique-territoriale parite
            """)
    void themesNeedTheirContext(String title, String expected) {
        assertThat(String.join(" ", new java.util.TreeSet<>(tagger.tag(title, null).themes()))).isEqualTo(expected);
    }

    @Test
    void explainsEachTagAndWhatWasLeftOut() {
        TagExplanation explanation = tagger.explain("Le Grand Lyon et la Normandie", "Le revenu de solidarité Outre-Mer (RSO).");
        assertThat(explanation.tags()).isEqualTo(tagger.tag("Le Grand Lyon et la Normandie", "Le revenu de solidarité Outre-Mer (RSO)."));
        assertThat(explanation.territories()).extracting(TagExplanation.TerritoryReason::key, TagExplanation.TerritoryReason::name,
                        TagExplanation.TerritoryReason::words, TagExplanation.TerritoryReason::rule)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("epci:200046977", "Métropole de Lyon",
                                "Grand Lyon", "alias"),
                        org.assertj.core.groups.Tuple.tuple("region:28", "Normandie", "Normandie", "name"));
        assertThat(explanation.themes()).extracting(TagExplanation.ThemeReason::theme, TagExplanation.ThemeReason::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sante-social", "Santé & Social"));
        assertThat(explanation.ignored()).contains(new TagExplanation.Ignored("Outre-Mer", "phrase"));
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

    /** What an editor does in the light module's tagging/ files: a nickname, a programme name, a keyword; no Java. */
    @Test
    void anEditorExtendsTheRulesInTheDataWithoutJava(@TempDir Path lightModule) throws Exception {
        Path tagging = Files.createDirectories(lightModule.resolve("tagging"));
        for (String file : new String[] {"names.yaml", "not-places.yaml", "themes.yaml"}) {
            Files.copy(TestLightModule.dir().resolve("tagging").resolve(file), tagging.resolve(file));
        }
        String title = "La Ville rose et le plan Marseille en Grand : la cantine à 1 euro";
        Tags before = tagger.tag(title, "");
        assertThat(before.territories()).contains("commune:13055").doesNotContain("commune:31555");
        assertThat(before.themes()).doesNotContain("culture-education");

        Path names = tagging.resolve("names.yaml");
        Files.writeString(names, Files.readString(names).replace("names:\n",
                "names:\n  - territory: commune:31555\n    names: [Ville rose]\n"));
        Path notPlaces = tagging.resolve("not-places.yaml");
        Files.writeString(notPlaces, Files.readString(notPlaces).replace("phrases:\n", "phrases:\n  - Marseille en Grand\n"));
        Path themes = tagging.resolve("themes.yaml");
        Files.writeString(themes, Files.readString(themes).replace("keywords: [culture, ", "keywords: [cantine*, culture, "));
        try (ReferentielTagger edited = new ReferentielTagger(repository, TestLightModule.contentTypes(),
                TaggingRules.load(lightModule))) {
            Tags after = edited.tag(title, "");
            assertThat(after.territories()).contains("commune:31555").doesNotContain("commune:13055");
            assertThat(after.themes()).contains("culture-education");
            assertThat(edited.explain(title, "").ignored())
                    .anySatisfy(ignored -> {
                        assertThat(ignored.words()).contains("Marseille");
                        assertThat(ignored.rule()).isEqualTo("phrase");
                    });
        }

        Files.writeString(names, Files.readString(names).replace("territory: commune:31555", "territory: toulouse"));
        int line = Files.readAllLines(names).indexOf("  - territory: toulouse") + 1;
        assertThatThrownBy(() -> TaggingRules.load(lightModule)).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("names.yaml:" + line).hasMessageContaining("'toulouse' is not a territory key");
    }
}
