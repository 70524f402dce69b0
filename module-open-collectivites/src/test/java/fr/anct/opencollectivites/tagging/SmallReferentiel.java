package fr.anct.opencollectivites.tagging;

import static fr.anct.opencollectivites.imports.ImportTestSupport.cells;
import static fr.anct.opencollectivites.imports.ImportTestSupport.epcicomHeader;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.imports.ImportRun;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.imports.ProgressListener;
import fr.anct.opencollectivites.repository.OakRepository;

/** A small référentiel imported by the real importers from {@code src/test/resources/tagging/referentiel}. */
public final class SmallReferentiel {
    private SmallReferentiel() {
    }

    public static OakRepository imported(Path workDir) throws IOException {
        OakRepository repository = ImportTestSupport.bootstrapped(OakRepository.inMemory());
        ImportService imports = ImportTestSupport.service(repository);
        Path folder = Files.createDirectories(workDir.resolve("referentiel"));
        for (String name : List.of("regions.csv", "departements.csv", "communes.csv", "populations.csv")) {
            try (InputStream in = SmallReferentiel.class.getResourceAsStream("/tagging/referentiel/" + name)) {
                Files.copy(in, folder.resolve(name));
            }
        }
        ImportTestSupport.xlsx(folder.resolve("epcicom.xlsx"), "Epcicom2025", List.of(
                epcicomHeader(2025),
                cells("31", 243100518, "Toulouse Métropole", "METRO", "FPU", 1, 520000, 511684, "31", "31555", 213105554, "Toulouse", 511684, 519684),
                cells("84", 248400236, "CC Pays d'Orange en Provence", "CC", "FPU", 1, 29400, 28900, "84", "84087", 218400877, "Orange", 28900, 29400),
                cells("974", 249740119, "CA Intercommunale du Nord de la Réunion (CINOR)", "CA", "FPU", 2, 190000, 187600, "974", "97411", 219744112, "Saint-Denis", 153000, 155000),
                cells("974", 249740119, "CA Intercommunale du Nord de la Réunion (CINOR)", "CA", "FPU", 2, 190000, 187600, "974", "97418", 219744187, "Sainte-Marie", 34600, 35000),
                cells("69", 200046977, "Métropole de Lyon", "MET69", "FPU", 1, 1420000, 1400000, "69", "69123", 216901231, "Lyon", 522000, 530000),
                cells("59", 200093201, "Métropole Européenne de Lille", "METRO", "FPU", 1, 1190000, 1180000, "59", "59350", 215903501, "Lille", 236000, 240000),
                cells("35", 243500139, "Rennes Métropole", "METRO", "FPU", 1, 460000, 450000, "35", "35238", 213502388, "Rennes", 225000, 230000),
                cells("2A", 242010056, "CA du Pays Ajaccien", "CA", "FPU", 1, 90000, 89000, "2A", "2A004", 212000046, "Ajaccio", 73000, 74000),
                cells("2B", 242000354, "CA de Bastia", "CA", "FPU", 1, 60000, 59000, "2B", "2B033", 212000335, "Bastia", 48500, 49000),
                cells()));
        ImportRun run = imports.importPath(folder, ProgressListener.NONE);
        assertThat(run.failed()).as(run.summary(TestLightModule.messages())).isFalse();
        return repository;
    }

    static Path resource(String path) {
        try {
            return Path.of(SmallReferentiel.class.getResource(path).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
