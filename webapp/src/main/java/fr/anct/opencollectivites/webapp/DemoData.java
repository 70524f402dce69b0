package fr.anct.opencollectivites.webapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.imports.ImportRun;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.imports.ProgressListener;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.repository.Workspaces;

/**
 * The demo dataset packaged with the application (see {@code demo/README.md}), imported through the
 * ordinary importers when the repository holds no collectivité yet, so a newcomer sees a working platform.
 */
final class DemoData {
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final List<String> FILES = List.of(
            "v_region_demo.csv", "v_departement_demo.csv", "v_arrondissement_demo.csv",
            "v_commune_demo.csv", "v_mvt_commune_demo.csv", "donnees_communes_demo.csv", "epcicom_demo.xlsx",
            "mairies_demo.json", "elus_epci_demo.csv", "elus_maires_demo.csv",
            "ofgl_communes_demo.csv", "ofgl_epci_demo.csv", "ofgl_departements_demo.csv", "ofgl_regions_demo.csv",
            "codes_postaux_demo.csv");

    private DemoData() {
    }

    static boolean repositoryIsEmpty(OakRepository repository) {
        String root = Workspaces.liveRoot(Workspaces.COLLECTIVITES);
        return repository.withSystemSession(session ->
                !session.nodeExists(root + "/regions") && !session.nodeExists(root + "/communes"));
    }

    static void importInto(ImportService imports) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("oc-demo");
            for (String name : FILES) {
                try (InputStream in = DemoData.class.getResourceAsStream("/demo/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("Demo file missing from the package: " + name);
                    }
                    Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            ImportRun run = imports.importPath(dir, ProgressListener.NONE);
            if (run.failed() || !run.unrecognised().isEmpty()) {
                throw new IllegalStateException("The demo dataset did not import: " + run);
            }
            LOG.info("Demo dataset imported ({} files)", run.reports().size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", dir, e.getMessage());
        }
    }
}
