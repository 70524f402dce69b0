package fr.anct.opencollectivites.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.imports.ProgressListener;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.module.RepositoryBootstrap;
import fr.anct.opencollectivites.search.SearchIndex;
import fr.anct.opencollectivites.search.SearchResults;
import fr.anct.opencollectivites.search.SearchService;
import fr.anct.opencollectivites.module.Importers;

/**
 * Autocomplete latency on the national référentiel (every commune, EPCI, département, région),
 * imported by the real importers. Sample mode gives the percentiles (p50, p99) that
 * docs/benchmarks.md records. Needs {@code -Dfixtures.dir} and {@code -DlightModule.dir}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class SearchBenchmark {
    private static final List<String> FILES = List.of(
            "public-data/insee-cog/v_region_2024.csv",
            "public-data/insee-cog/v_departement_2024.csv",
            "public-data/insee-cog/v_arrondissement_2024.csv",
            "public-data/insee-cog/v_commune_2026.csv",
            "public-data/insee-cog/v_mvt_commune_2026.csv",
            "public-data/insee-populations-legales/donnees_communes_PL2023.csv",
            "public-data/epci-intercommunalites/dgcl_epcicom2025.xlsx",
            "public-data/epci-intercommunalites/banatic_table_siren_insee_2024.xlsx");

    /** One-letter, prefix, folded, code, SIREN, former-name and full-name queries. */
    @Param({"p", "sa", "paris", "st etienne", "saint-laurent-de-la-barriere", "moutiers", "2A004", "244200770", "y",
            "villeneuve sur"})
    public String query;

    private OakRepository repository;
    private SearchIndex index;
    private SearchService search;

    @Setup(Level.Trial)
    public void importTheNationalData() {
        Path fixtures = Path.of(required("fixtures.dir"));
        Path lightModule = Path.of(required("lightModule.dir"));
        ContentTypeRegistry types = ContentTypeRegistry.load(lightModule);
        repository = OakRepository.inMemory();
        new RepositoryBootstrap(types).install(repository);
        ImportService imports = new ImportService(repository, types, Messages.load(lightModule), Importers.standard());
        for (String file : FILES) {
            Path path = fixtures.resolve(file);
            if (!Files.exists(path) || imports.importPath(path, ProgressListener.NONE).failed()) {
                throw new IllegalStateException("Cannot import " + path);
            }
        }
        index = new SearchIndex(repository, types);
        index.rebuild();
        search = new SearchService(index);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Set -D" + property);
        }
        return value;
    }

    @Benchmark
    public SearchResults search() {
        return search.search(query, Set.of(), 10);
    }

    @TearDown(Level.Trial)
    public void close() {
        index.close();
        repository.close();
    }
}
