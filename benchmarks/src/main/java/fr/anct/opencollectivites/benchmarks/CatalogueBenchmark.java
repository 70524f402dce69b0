package fr.anct.opencollectivites.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.repository.PerThreadAnonymousSessions;
import fr.anct.opencollectivites.repository.SessionProvider;
import fr.anct.opencollectivites.publications.TaxonomySeeder;
import fr.anct.opencollectivites.publications.catalogue.CatalogueQuery;
import fr.anct.opencollectivites.publications.catalogue.CataloguePage;
import fr.anct.opencollectivites.publications.catalogue.CatalogueService;
import fr.anct.opencollectivites.publications.catalogue.PublicationIndex;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.module.RepositoryBootstrap;

/**
 * Catalogue latency over 20,000 synthetic live publications (titles and summaries of French words,
 * territories spread over a few hundred keys), a first page of 20 read from the repository with an
 * anonymous session. Needs {@code -DlightModule.dir}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class CatalogueBenchmark {
    static final int PUBLICATIONS = 20_000;
    private static final String[] WORDS = {"finances", "communes", "dette", "budget", "emploi", "santé", "médecins",
            "écoles", "population", "logement", "énergie", "climat", "intercommunalité", "fiscalité", "dotations",
            "élus", "sécurité", "transports", "culture", "territoire", "ruralité", "investissement", "dépenses"};
    private static final String[] THEMES = {"finances-fiscalite", "sante-social", "culture-education",
            "developpement-durable", "emploi-fonction-publique-territoriale", "geographie-intercommunalites"};

    @Param({"none", "territory", "theme+year", "text", "text+territory"})
    public String request;

    private OakRepository repository;
    private PublicationIndex index;
    private CatalogueService catalogue;
    private CatalogueQuery query;
    private PerThreadAnonymousSessions sessions;

    @Setup(Level.Trial)
    public void writePublications() {
        ContentTypeRegistry types = ContentTypeRegistry.load(Path.of(System.getProperty("lightModule.dir")));
        repository = OakRepository.inMemory();
        new RepositoryBootstrap(types).install(repository);
        new TaxonomySeeder(repository, types).seed();
        ContentWriter writer = new ContentWriter();
        Random random = new Random(42);
        repository.withSystemSession(session -> {
            writer.upsert(session, "/collectivites/regions/84", types.require("region"), Map.of("code", "84", "nom", "ARA"));
            writer.upsert(session, "/collectivites/departements/42", types.require("departement"),
                    Map.of("code", "42", "nom", "Loire", "region", "84"));
            writer.upsert(session, "/collectivites/communes/42/42218", types.require("commune"),
                    Map.of("code", "42218", "typecom", "COM", "nom", "Saint-Étienne", "departement", "42", "region", "84"));
            for (int i = 0; i < PUBLICATIONS; i++) {
                String code = String.format("%08x", random.nextInt());
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("code", code);
                values.put("title", sentence(random, 8));
                values.put("summary", "<p>" + sentence(random, 40) + "</p>");
                values.put("link", "https://example.org/" + code);
                values.put("date", LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3650)));
                values.put("themes", List.of(THEMES[random.nextInt(THEMES.length)]));
                values.put("territories", List.of(territory(random)));
                values.put("years", List.of(2015L + random.nextInt(10)));
                values.put("publisher", "insee");
                values.put("documentType", "publication-statistique");
                writer.upsert(session, "/publications/items/" + code.substring(0, 2) + "/" + code,
                        types.require("publication"), values);
                if (i % 2_000 == 0) {
                    session.save();
                }
            }
            session.save();
            return null;
        });
        long start = System.nanoTime();
        index = new PublicationIndex(repository, Duration.ofMillis(200)).start();
        System.out.printf("%nIndex of %d publications built in %d ms%n", index.size(), (System.nanoTime() - start) / 1_000_000);
        sessions = SessionProvider.anonymousPerThread(repository);
        catalogue = new CatalogueService(index, sessions, types);
        query = switch (request) {
            case "territory" -> CatalogueQuery.newest("commune:42218", null, 20);
            case "theme+year" -> new CatalogueQuery(List.of("finances-fiscalite"), null, List.of(), List.of(), List.of(2020),
                    null, null, null, CatalogueQuery.Sort.DATE, 0, 20);
            case "text" -> new CatalogueQuery(List.of(), null, List.of(), List.of(), List.of(), null, null,
                    "dette des communes", CatalogueQuery.Sort.RELEVANCE, 0, 20);
            case "text+territory" -> new CatalogueQuery(List.of(), "commune:42218", List.of(), List.of(), List.of(), null,
                    null, "santé", CatalogueQuery.Sort.RELEVANCE, 0, 20);
            default -> CatalogueQuery.newest(null, null, 20);
        };
    }

    private static String territory(Random random) {
        int pick = random.nextInt(100);
        if (pick < 2) {
            return "commune:42218";
        } else if (pick < 4) {
            return "departement:42";
        } else if (pick < 5) {
            return "region:84";
        }
        return "commune:" + (10_000 + random.nextInt(400));
    }

    private static String sentence(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    @Benchmark
    public CataloguePage search() {
        return catalogue.search(query);
    }

    @TearDown(Level.Trial)
    public void close() {
        sessions.close();
        index.close();
        repository.close();
    }
}
