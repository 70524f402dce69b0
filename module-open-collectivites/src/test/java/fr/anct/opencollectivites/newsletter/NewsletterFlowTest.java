package fr.anct.opencollectivites.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import fr.anct.opencollectivites.TestHttpServer;
import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.tagging.SmallReferentiel;
import fr.anct.opencollectivites.tagging.ThemeRules;

/** The newsletter end to end: real repository, real HTTP, real SMTP (GreenMail). */
@Tag("repository")
@Tag("http")
class NewsletterFlowTest {
    private static final Pattern CONFIRM_URL = Pattern.compile("(http\\S+/newsletter/confirm\\?token=\\S+)");
    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path workDir;
    OakRepository repository;
    TestHttpServer server;
    NewsletterService newsletter;
    final MovableClock clock = new MovableClock(START);
    final HttpClient http = HttpClient.newHttpClient();
    final ContentTypeDefinition publicationType = TestLightModule.contentTypes().require("publication");

    @BeforeEach
    void start() throws Exception {
        repository = SmallReferentiel.imported(workDir);
        int port = TestHttpServer.freePort();
        NewsletterSettings settings = NewsletterSettings.defaults("http://127.0.0.1:" + port, "lettre@opencollectivites.example");
        newsletter = new NewsletterService(repository, TestLightModule.contentTypes(), ThemeRules.load(TestLightModule.dir()),
                new MailSender("127.0.0.1", smtp.getSmtp().getPort(), settings.from()),
                new MailTemplates(TestLightModule.dir()), TestLightModule.messages(), settings, clock);
        server = TestHttpServer.onPort(port, new NewsletterResource(newsletter, TestLightModule.messages()));
    }

    @AfterEach
    void stop() {
        server.close();
        repository.close();
    }

    @Test
    void subscribeConfirmDigestUnsubscribe() throws Exception {
        HttpResponse<String> accepted = postJson("""
                {"email": " Elue@Mairie-Toulouse.FR ", "territories": ["commune:31555"], "themes": []}""");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.body()).contains("courriel de confirmation");
        // asking again answers the same and sends no second mail within the resend interval
        HttpResponse<String> again = postJson("""
                {"email": "elue@mairie-toulouse.fr", "territories": ["commune:31555"]}""");
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(accepted.body());

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage confirmation = smtp.getReceivedMessages()[0];
        assertThat(confirmation.getAllRecipients()[0].toString()).isEqualTo("elue@mairie-toulouse.fr");
        assertThat(confirmation.getSubject()).startsWith("Confirmez votre abonnement");
        String text = part(confirmation, 0);
        assertThat(text).contains("Toulouse").contains("48 heures");
        assertThat(part(confirmation, 1)).contains("<a href=\"http://127.0.0.1:");
        Matcher link = CONFIRM_URL.matcher(text);
        assertThat(link.find()).isTrue();

        clock.advance(Duration.ofMinutes(5));
        HttpResponse<String> confirmed = http.send(HttpRequest.newBuilder(URI.create(link.group(1)))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Votre abonnement est confirmé");
        Instant confirmedAt = clock.instant();

        publication("a", "Toulouse : la dette par habitant", confirmedAt.plus(Duration.ofHours(2)), List.of("commune:31555"), true);
        publication("b", "Haute-Garonne : le RSA", confirmedAt.plus(Duration.ofHours(3)), List.of("departement:31"), true);
        publication("c", "Saint-Denis : la délinquance", confirmedAt.plus(Duration.ofHours(3)), List.of("commune:93066"), true);
        publication("d", "Toulouse, avant l'abonnement", confirmedAt.minus(Duration.ofDays(1)), List.of("commune:31555"), true);
        publication("e", "Les finances locales", confirmedAt.plus(Duration.ofHours(4)), List.of(), true);
        publication("f", "Brouillon sur Toulouse", confirmedAt.plus(Duration.ofHours(4)), List.of("commune:31555"), false);

        clock.advance(Duration.ofDays(1));
        assertThat(newsletter.sendDigests()).isEqualTo(1);
        assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
        MimeMessage digest = smtp.getReceivedMessages()[1];
        assertThat(digest.getSubject()).isEqualTo("2 nouvelles publications sur vos territoires");
        assertThat(titles(part(digest, 0))).containsExactly("Haute-Garonne : le RSA", "Toulouse : la dette par habitant");
        String unsubscribeHeader = digest.getHeader("List-Unsubscribe")[0];
        assertThat(digest.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(unsubscribeHeader).startsWith("<http://127.0.0.1:").endsWith(">");
        URI unsubscribe = URI.create(unsubscribeHeader.substring(1, unsubscribeHeader.length() - 1));

        // a mail scanner following the link does not unsubscribe
        HttpResponse<String> question = http.send(HttpRequest.newBuilder(unsubscribe).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(question.statusCode()).isEqualTo(200);
        assertThat(question.body()).contains("Voulez-vous vous désabonner").contains("<form method=\"post\"");

        // the next digest has only what is new since the last one
        publication("g", "Toulouse Métropole : le budget", clock.instant().plus(Duration.ofHours(1)), List.of("commune:31555"), true);
        clock.advance(Duration.ofDays(1));
        assertThat(newsletter.sendDigests()).isEqualTo(1);
        assertThat(smtp.waitForIncomingEmail(10_000, 3)).isTrue();
        assertThat(titles(part(smtp.getReceivedMessages()[2], 0))).containsExactly("Toulouse Métropole : le budget");
        assertThat(smtp.getReceivedMessages()[2].getSubject()).isEqualTo("Une nouvelle publication sur vos territoires");

        // RFC 8058 one-click: a POST of the header's URL, no login
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(unsubscribe)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("désabonné");

        publication("h", "Toulouse : après le désabonnement", clock.instant().plus(Duration.ofHours(1)), List.of("commune:31555"), true);
        clock.advance(Duration.ofDays(1));
        assertThat(newsletter.sendDigests()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(3);

        String real = unsubscribe.toString();
        char last = real.charAt(real.length() - 1);
        // another last character, whatever the token ends with (a fixed "A" left 1 token in 64 unforged)
        String forgedLink = real.substring(0, real.length() - 1) + (last == 'A' ? 'B' : 'A');
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(forgedLink))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(404);
        boolean visibleToAnonymous = repository.withAnonymousSession(session -> session.nodeExists("/oc:system/newsletter"));
        assertThat(visibleToAnonymous).isFalse();
    }

    @Test
    void theQuartzJobPurgesAndSendsTheDigests() throws Exception {
        assertThat(postJson("""
                {"email": "quartz@example.fr", "territories": ["commune:31555"]}""").statusCode()).isEqualTo(202);
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        Matcher link = CONFIRM_URL.matcher(part(smtp.getReceivedMessages()[0], 0));
        assertThat(link.find()).isTrue();
        assertThat(newsletter.confirm(link.group(1).substring(link.group(1).indexOf("token=") + 6)))
                .isEqualTo(NewsletterService.Confirmation.CONFIRMED);
        publication("q", "Toulouse : les effectifs communaux", clock.instant().plus(Duration.ofHours(1)), List.of("commune:31555"), true);
        clock.advance(Duration.ofDays(1));

        java.util.Properties quartz = new java.util.Properties();
        quartz.put("org.quartz.scheduler.instanceName", "newsletter-test-" + System.nanoTime());
        quartz.put("org.quartz.threadPool.threadCount", "1");
        quartz.put("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        quartz.put("org.quartz.scheduler.skipUpdateCheck", "true");
        org.quartz.Scheduler scheduler = new org.quartz.impl.StdSchedulerFactory(quartz).getScheduler();
        try {
            scheduler.getContext().put(NewsletterJob.SERVICE, newsletter);
            scheduler.start();
            scheduler.scheduleJob(org.quartz.JobBuilder.newJob(NewsletterJob.class).withIdentity("newsletter").build(),
                    org.quartz.TriggerBuilder.newTrigger().startNow().build());
            assertThat(smtp.waitForIncomingEmail(20_000, 2)).isTrue();
        } finally {
            scheduler.shutdown(true);
        }
        assertThat(titles(part(smtp.getReceivedMessages()[1], 0))).containsExactly("Toulouse : les effectifs communaux");
    }

    @Test
    void anExpiredConfirmationLinkIsRefused() throws Exception {
        assertThat(postJson("""
                {"email": "tard@example.fr", "themes": ["securite"]}""").statusCode()).isEqualTo(202);
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        Matcher link = CONFIRM_URL.matcher(part(smtp.getReceivedMessages()[0], 0));
        assertThat(link.find()).isTrue();
        clock.advance(Duration.ofHours(49));
        HttpResponse<String> expired = http.send(HttpRequest.newBuilder(URI.create(link.group(1))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("tokenExpired").contains("a expiré");
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create(link.group(1) + "x")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(404);
    }

    @Test
    void unconfirmedSubscriptionsArePurgedAfterSevenDays() throws Exception {
        assertThat(postJson("""
                {"email": "jamais@example.fr", "territories": ["departement:31"]}""").statusCode()).isEqualTo(202);
        clock.advance(Duration.ofDays(3));
        assertThat(postJson("""
                {"email": "recent@example.fr", "territories": ["region:76"]}""").statusCode()).isEqualTo(202);
        assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
        clock.advance(Duration.ofDays(4).plusMinutes(1));
        assertThat(newsletter.purgeUnconfirmed()).isEqualTo(1);
        List<String> left = repository.withSystemSession(session -> new SubscriptionStore().all(session).stream()
                .map(Subscription::email).toList());
        assertThat(left).containsExactly("recent@example.fr");
    }

    @Test
    void badRequestsGetFrenchErrorsNamingTheField() throws Exception {
        HttpResponse<String> email = postJson("""
                {"email": "pas-une-adresse", "territories": ["commune:31555"]}""");
        assertThat(email.statusCode()).isEqualTo(400);
        assertThat(email.body()).contains("\"field\":\"email\"").contains("adresse électronique n'est pas valide");
        assertThat(postJson("""
                {"email": "a@example.fr", "territories": ["commune:99999"]}""").body()).contains("territoire inconnu");
        assertThat(postJson("""
                {"email": "a@example.fr", "themes": ["meteo"]}""").body()).contains("thématique inconnue");
        assertThat(postJson("""
                {"email": "a@example.fr"}""").body()).contains("au moins un territoire");
        assertThat(postJson("not json").statusCode()).isEqualTo(400);
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(server.uri("/.rest/open-collectivites/v1/newsletter/subscriptions"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=form%40example.fr&territories=commune%3A31555,departement%3A31&themes=securite"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(202);
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    private HttpResponse<String> postJson(String json) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri("/.rest/open-collectivites/v1/newsletter/subscriptions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void publication(String id, String title, Instant date, List<String> territories, boolean live) {
        repository.withSystemSession(session -> {
            String root = live ? "/publications/items/2026/" : "/oc:authoring/publications/items/2026/";
            Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            calendar.setTimeInMillis(date.toEpochMilli());
            new ContentWriter().upsert(session, root + id, publicationType, Map.of("code", id, "title", title,
                    "link", "https://www.insee.fr/fr/statistiques/" + id, "date", calendar, "territories", territories,
                    "themes", List.of("finances-fiscalite")));
            session.save();
            return null;
        });
    }

    private static String part(MimeMessage message, int index) throws Exception {
        return (String) ((MimeMultipart) message.getContent()).getBodyPart(index).getContent();
    }

    private static List<String> titles(String digestText) {
        return digestText.lines().filter(l -> l.startsWith("- ")).map(l -> l.substring(2).replaceAll(" \\([^)]*\\)$", ""))
                .toList();
    }

    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
