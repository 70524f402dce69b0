package fr.anct.opencollectivites.mairies;

import static fr.anct.opencollectivites.TestLightModule.fixturesDir;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import fr.anct.opencollectivites.TestLightModule;

/**
 * A national-size annuaire export (40,000 mairies with address, phone, site and two plages, ~50 MB)
 * imports in a JVM limited to 256 MB of heap: the JSON is streamed, never loaded whole. Runs with the
 * national tests (-Dfixtures.dir); the file is generated, since the shared fixtures hold only a sample.
 */
@Tag("repository")
@Tag("national")
class NationalMairiesHeapTest {
    private static final int MAIRIES = 40_000;

    @Test
    void importsANationalExportWithin256MbOfHeap(@TempDir Path dir) throws IOException, InterruptedException {
        Assumptions.assumeTrue(fixturesDir().isPresent(), "national tests not asked for (-Dfixtures.dir)");
        Path export = generate(dir.resolve("api-lannuaire-administration.json"));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8",
                "-DlightModule.dir=" + TestLightModule.dir().toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"),
                NationalMairiesImport.class.getName(), dir.resolve("repo").toString(), export.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        output.lines().filter(l -> l.startsWith("[benchmark]")).forEach(l -> System.out.println(l + " (-Xmx256m)"));
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("read=" + MAIRIES + " created=" + MAIRIES);
    }

    /** An Opendatasoft JSON export: a top-level array, nested fields as JSON strings, one line. */
    private static Path generate(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
             JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.writeStartArray();
            for (int i = 0; i < MAIRIES; i++) {
                int departement = 1 + i % 95;
                String code = String.format("%02d%03d", departement == 20 ? 96 : departement, i / 95);
                json.writeStartObject();
                json.writeStringField("id", String.format("00000000-0000-4000-8000-%012d", i));
                json.writeStringField("nom", "Mairie - Commune " + i);
                json.writeStringField("code_insee_commune", code);
                json.writeStringField("pivot", "[{\"type_service_local\": \"mairie\", \"code_insee_commune\": [\"" + code + "\"]}]");
                json.writeStringField("adresse", "[{\"type_adresse\": \"Adresse\", \"complement1\": \"Hôtel de ville\", "
                        + "\"numero_voie\": \"" + i + " place de la Mairie\", \"code_postal\": \"" + code
                        + "\", \"nom_commune\": \"Commune " + i + "\", \"longitude\": \"4.38\", \"latitude\": \"45.43\"}]");
                json.writeStringField("telephone", "[{\"valeur\": \"04 00 00 00 00\", \"description\": \"\"}]");
                json.writeStringField("adresse_courriel", "mairie" + i + "@example.fr");
                json.writeStringField("site_internet", "[{\"libelle\": \"\", \"valeur\": \"www.commune" + i + ".fr\"}]");
                json.writeStringField("plage_ouverture", "[{\"nom_jour_debut\": \"Lundi\", \"nom_jour_fin\": \"Vendredi\", "
                        + "\"valeur_heure_debut_1\": \"09:00:00\", \"valeur_heure_fin_1\": \"12:00:00\", "
                        + "\"valeur_heure_debut_2\": \"14:00:00\", \"valeur_heure_fin_2\": \"17:00:00\", \"commentaire\": \"\"}, "
                        + "{\"nom_jour_debut\": \"Samedi\", \"nom_jour_fin\": \"Samedi\", \"valeur_heure_debut_1\": \"09:00:00\", "
                        + "\"valeur_heure_fin_1\": \"12:00:00\", \"commentaire\": \"Permanence des élus\"}]");
                json.writeStringField("statut_de_diffusion", "true");
                json.writeStringField("date_modification_datetime", "2026-07-01T10:00:00+00:00");
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        return file;
    }
}
