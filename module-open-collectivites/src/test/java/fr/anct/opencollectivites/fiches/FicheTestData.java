package fr.anct.opencollectivites.fiches;

import static fr.anct.opencollectivites.imports.ImportTestSupport.cells;
import static fr.anct.opencollectivites.imports.ImportTestSupport.epcicomHeader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.imports.ProgressListener;
import fr.anct.opencollectivites.repository.OakRepository;

/** A small référentiel: the COG and population test files, two EPCI, OFGL finances of a few communes,
 * mairies and maires. */
final class FicheTestData {
    private FicheTestData() {
    }

    static OakRepository referentiel(Path tempDir) throws IOException {
        OakRepository repository = ImportTestSupport.bootstrapped(OakRepository.inMemory());
        ImportService imports = ImportTestSupport.service(repository);
        Path dir = Files.createDirectories(tempDir.resolve("files"));
        for (String file : List.of("cog/regions.csv", "cog/departements.csv", "cog/arrondissements.csv",
                "cog/communes.csv", "cog/mouvements.csv", "populations/communes.csv", "ofgl/communes.csv",
                "annuaire/mairies-records.json", "rne/elus-maires-2026-09-16.csv")) {
            Files.copy(ImportTestSupport.resource(file), dir.resolve(file.replace('/', '-')));
        }
        for (String file : List.of("ofgl-communes-fiches.csv", "ofgl-epci-fiches.csv", "ofgl-departements-fiches.csv",
                "ofgl-regions-fiches.csv", "elus-epci-2026-09-16.csv")) {
            try (var in = FicheTestData.class.getResourceAsStream("/fiches/" + file)) {
                Files.copy(in, dir.resolve(file));
            }
        }
        ImportTestSupport.xlsx(dir.resolve("epcicom.xlsx"), "Epcicom2025", List.of(
                epcicomHeader(2025),
                cells("01", 200040350, "CC Bugey Sud", "CC", "FPU", 2, 1200, 1150, "01", "01015", 210100152, "Arboys", 600, 580),
                cells("01", 200040350, "CC Bugey Sud", "CC", "FPU", 2, 1200, 1150, "01", "01138", 210101384, "Culoz", 600, 570),
                cells("75", 200054781, "Métropole du Grand Paris", "METRO", "FPU", 1, 2e6, 2e6, "75", "75056", 217500016, "Paris", 2e6, 2e6),
                cells()));
        var run = imports.importPath(dir, ProgressListener.NONE);
        if (run.failed() || !run.unrecognised().isEmpty()) {
            throw new IllegalStateException("Test référentiel did not import: " + run.reports());
        }
        return repository;
    }
}
