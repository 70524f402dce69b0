package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every widget of the generated forms in a real browser ({@code src/test/browser/form-widgets.mjs}): the
 * packaged application with its demo data and a copy of the light module adding a content type with every
 * property type (as a site's own light module would). Rows added and removed, a reference found by search,
 * rich text typed, a round-trip save; the same without JavaScript; axe-core in both themes. Same skip/fail
 * policy as {@link SiteIT}.
 */
class FormWidgetsIT {
    private static final Path BROWSER_TESTS = Path.of("src/test/browser");
    private static final String PASSWORD = "une phrase de passe assez longue";
    static final String EVENT_TYPE = """
            datasource:
              workspace: website
              rootPath: /evenements
              autoCreate: true
            model:
              nodeType: oc:evenement
              properties:
                - name: title
                  label: Titre
                  required: true
                - name: places
                  label: Places
                  type: Long
                - name: jour
                  label: Jour
                  type: Date
                - name: gratuit
                  label: Gratuit
                  type: Boolean
                - name: description
                  label: Description
                  type: richText
                - name: motsCles
                  label: Mots-clés
                  multiple: true
                - name: region
                  label: Région
                  type: reference:region
                - name: affiche
                  label: Affiche
                  type: asset
                - name: lieu
                  label: Lieu
                  type: adresse
                - name: intervenants
                  label: Intervenants
                  type: intervenant
                  multiple: true
              subModels:
                - name: adresse
                  properties:
                    - name: rue
                      label: Rue
                    - name: ville
                      label: Ville
                      required: true
                - name: intervenant
                  properties:
                    - name: nom
                      label: Nom
                      required: true
                    - name: bio
                      label: Biographie
                      type: richText
            """;
    private static Path dataDir;
    private static Path moduleDir;
    private static AppProcess app;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("oc-form-widgets-it");
        moduleDir = Files.createTempDirectory("oc-form-widgets-module").resolve("open-collectivites");
        copy(Path.of("..", "light-modules", "open-collectivites"), moduleDir);
        Files.writeString(moduleDir.resolve("contentTypes/evenement.yaml"), EVENT_TYPE);
        Path config = dataDir.resolveSibling(dataDir.getFileName() + ".properties");
        Files.writeString(config, "lightModule.dir=" + moduleDir.toAbsolutePath().toString().replace("\\", "/") + "\n");
        AppProcess.serve(dataDir, "--config", config.toString()).close();
        PlatformConfig platform = PlatformConfig.load(Optional.empty(), Map.of("OC_DATA_DIR", dataDir.toString(),
                "OC_SERVER_HOST", "127.0.0.1", "OC_SERVER_PORT", "0", "OC_LIGHT_MODULE_DIR", moduleDir.toString()));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        assertThat(CreateAdminCommand.run(platform, "marie", "marie@example.fr", p -> PASSWORD.toCharArray().clone(),
                new PrintStream(output, true, StandardCharsets.UTF_8))).as(output.toString(StandardCharsets.UTF_8)).isTrue();
        app = AppProcess.serve(dataDir, "--config", config.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        for (Path dir : new Path[] {dataDir, moduleDir == null ? null : moduleDir.getParent()}) {
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }

    @Test
    void everyWidgetWorksInABrowserWithAndWithoutJavaScript() throws Exception {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(Path.of("/usr/bin/chromium"))) {
            missing.add("/usr/bin/chromium (apt-get install -y chromium)");
        }
        if (!Files.isDirectory(BROWSER_TESTS.resolve("node_modules/playwright-core"))) {
            missing.add("playwright-core and axe-core (npm ci in webapp/src/test/browser)");
        }
        if (!Files.isRegularFile(moduleDir.resolve("webresources/quill/quill.js"))) {
            missing.add("the rich-text editor (npm step: webresources/quill)");
        }
        boolean required = Boolean.getBoolean("browser.required") || "true".equals(System.getenv("CI"));
        if (!missing.isEmpty()) {
            String message = "Browser tests need: " + String.join("; ", missing);
            assertThat(required).as(message + " (required here: CI=true or -Dbrowser.required=true)").isFalse();
            assumeTrue(false, message + ": skipped");
        }
        Path output = Files.createTempFile("oc-form-widgets-browser", ".log");
        Process node = new ProcessBuilder("node", BROWSER_TESTS.resolve("form-widgets.mjs").toString(),
                "http://127.0.0.1:" + app.port(), "target/screenshots", "marie", PASSWORD)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean done = node.waitFor(6, TimeUnit.MINUTES);
        if (!done) {
            node.destroyForcibly().waitFor();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        System.out.println(log);
        assertThat(done).as("browser tests finished in time:\n" + log).isTrue();
        assertThat(node.exitValue()).as(log).isZero();
        assertThat(log).contains(", 0 failed").doesNotContain("not ok");
        assertThat(Path.of("target/screenshots/auteur-widgets-edition-dark.png")).exists();
    }
}
