package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every widget of the generated forms in a real browser ({@code src/test/browser/form-widgets.mjs}): the
 * packaged application with its demo data and a copy of the light module adding a content type with every
 * property type (as a site's own light module would). Rows added and removed, a reference found by search,
 * rich text typed, a round-trip save; the same without JavaScript; axe-core in both themes. Skip/fail
 * policy of {@link BrowserPlatform}.
 */
@Tag("http")
@Tag("browser")
@Tag("process")
class FormWidgetsIT {
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

    @RegisterExtension
    static final BrowserPlatform PLATFORM = BrowserPlatform.withAdministrator("oc-form-widgets-it")
            .withContentType("evenement", EVENT_TYPE);

    @Test
    void everyWidgetWorksInABrowserWithAndWithoutJavaScript() throws Exception {
        PLATFORM.requireBrowser(Map.of("the rich-text editor (npm step: webresources/quill)",
                Files.isRegularFile(PLATFORM.lightModule().resolve("webresources/quill/quill.js"))));
        PLATFORM.runHarness("form-widgets.mjs", Duration.ofMinutes(6), BrowserPlatform.ADMINISTRATOR, BrowserPlatform.PASSWORD);
        assertThat(BrowserPlatform.screenshot("auteur-widgets-edition-dark")).exists();
    }
}
