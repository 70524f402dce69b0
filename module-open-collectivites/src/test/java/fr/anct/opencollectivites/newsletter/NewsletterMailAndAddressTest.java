package fr.anct.opencollectivites.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import fr.anct.opencollectivites.TestLightModule;

/** Addresses accepted and refused; digest mails escape what harvested titles contain. */
@Tag("unit")
class NewsletterMailAndAddressTest {

    @Test
    void addressesAreTrimmedAndLowerCased() throws Exception {
        assertThat(NewsletterService.normalisedEmail("  Marie.Dupont@Mairie-Lyon.FR ")).isEqualTo("marie.dupont@mairie-lyon.fr");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "dupont", "dupont@", "@mairie.fr", "dupont@localhost", "a b@mairie.fr",
            "Marie <marie@mairie.fr>", "a@mairie.fr, b@mairie.fr", "a@@mairie.fr"})
    void malformedAddressesAreRefusedOnTheEmailField(String email) {
        assertThatThrownBy(() -> NewsletterService.normalisedEmail(email))
                .isInstanceOfSatisfying(NewsletterException.class, e -> {
                    assertThat(e.field()).isEqualTo("email");
                    assertThat(TestLightModule.messages().get(e.messageKey())).contains("adresse électronique");
                });
    }

    @Test
    void digestHtmlEscapesTitlesAndLinks() {
        MailTemplates templates = new MailTemplates(TestLightModule.dir());
        DigestItem item = new DigestItem("/publications/items/2026/x", "Budget <script>alert(1)</script> & dette",
                "https://example.org/?a=1&b=\"2\"", Instant.parse("2026-03-02T08:00:00Z"), "2 mars 2026", List.of(), List.of());
        String[] mail = templates.render("newsletter-digest", Map.of("items", List.of(item), "count", 1,
                "unsubscribeUrl", "https://oc.example/unsubscribe?token=a.b"));
        assertThat(mail[1]).contains("Budget &lt;script&gt;alert(1)&lt;/script&gt; &amp; dette")
                .doesNotContain("<script>").contains("href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\"");
        assertThat(mail[0]).contains("- Budget <script>alert(1)</script> & dette (2 mars 2026)")
                .contains("Une nouvelle publication");
    }

    /** The packaged jar holds the light module in a zip, which has no java.io.File: the jar did not start with SMTP set. */
    @Test
    void mailTemplatesAreReadFromInsideAJar(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path jar = dir.resolve("module.jar");
        try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(jar, Map.of("create", "true"))) {
            java.nio.file.Path mail = zip.getPath("/light/templates/mail");
            java.nio.file.Files.createDirectories(mail);
            try (var files = java.nio.file.Files.list(TestLightModule.dir().resolve("templates/mail"))) {
                for (java.nio.file.Path file : files.toList()) {
                    java.nio.file.Files.copy(file, mail.resolve(file.getFileName().toString()));
                }
            }
            String[] rendered = new MailTemplates(zip.getPath("/light")).render("newsletter-digest", Map.of("items", List.of(),
                    "count", 0, "unsubscribeUrl", "https://oc.example/unsubscribe?token=a.b"));
            assertThat(rendered[1]).contains("https://oc.example/unsubscribe?token=a.b");
        }
    }

    @Test
    void theBaseUrlMustBeHttps() {
        assertThatThrownBy(() -> NewsletterSettings.defaults("http://opencollectivites.example", "a@b.fr"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        assertThat(NewsletterSettings.defaults("https://opencollectivites.example/", "a@b.fr").apiUrl("/confirm"))
                .isEqualTo("https://opencollectivites.example/.rest/open-collectivites/v1/newsletter/confirm");
    }
}
