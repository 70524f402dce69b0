package fr.anct.opencollectivites.newsletter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.tagging.ThemeRules;
import fr.anct.opencollectivites.web.Hashes;

/**
 * The newsletter (docs/newsletter.md): double opt-in subscriptions to territories and themes, digests of
 * the publications new since each subscriber's last one, one-click unsubscription, purge of addresses
 * never confirmed. The answer to a subscription request never tells whether the address was known.
 */
public final class NewsletterService {
    public enum Confirmation { CONFIRMED, EXPIRED, INVALID }

    private static final Logger LOG = LoggerFactory.getLogger(NewsletterService.class);
    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final int MAX_TERRITORIES = 50;

    private final OakRepository repository;
    private final MailSender mail;
    private final MailTemplates templates;
    private final Messages messages;
    private final NewsletterSettings settings;
    private final Clock clock;
    private final TerritoryScope scope;
    private final Map<String, String> themeNames = new LinkedHashMap<>();
    private final SubscriptionStore store = new SubscriptionStore();
    private volatile NewsletterTokens tokens;

    public NewsletterService(OakRepository repository, ContentTypeRegistry contentTypes, ThemeRules themes,
                             MailSender mail, MailTemplates templates, Messages messages, NewsletterSettings settings,
                             Clock clock) {
        this.repository = repository;
        this.mail = mail;
        this.templates = templates;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
        this.scope = new TerritoryScope(contentTypes);
        themes.themes().forEach(theme -> themeNames.put(theme.code(), theme.name()));
    }

    /**
     * Records the request and mails a confirmation link. Returns normally whether or not the address was
     * known (nothing to learn from it); at most one mail per address per resend interval.
     */
    public void subscribe(String email, List<String> territories, List<String> themes) throws NewsletterException {
        String address = normalisedEmail(email);
        List<String> wantedTerritories = distinct(territories);
        List<String> wantedThemes = distinct(themes);
        if (wantedTerritories.isEmpty() && wantedThemes.isEmpty()) {
            throw new NewsletterException("nothingChosen", "territories", "newsletter.error.nothingChosen");
        }
        if (wantedTerritories.size() > MAX_TERRITORIES) {
            throw new NewsletterException("tooManyTerritories", "territories", "newsletter.error.tooManyTerritories");
        }
        for (String theme : wantedThemes) {
            if (!themeNames.containsKey(theme)) {
                throw new NewsletterException("unknownTheme", "themes", "newsletter.error.unknownTheme");
            }
        }
        Instant now = clock.instant();
        OutgoingMail confirmation = repository.withSystemSession(session -> {
            for (String key : wantedTerritories) {
                if (!scope.exists(session, key)) {
                    return null;
                }
            }
            String id = tokens(session).subscriptionId(address);
            Subscription existing = store.find(session, id);
            if (existing != null && existing.requestedAt() != null
                    && existing.requestedAt().plus(settings.resendInterval()).isAfter(now)) {
                return new OutgoingMail(null, null, null, null, Map.of());
            }
            String token = id + "." + NewsletterTokens.random();
            Subscription next = existing == null
                    ? new Subscription(id, address, false, List.of(), List.of(), wantedTerritories, wantedThemes,
                            Hashes.sha256Hex(token), now.plus(settings.confirmationValidity()), now, null, null)
                    : new Subscription(id, address, existing.confirmed(), existing.territories(), existing.themes(),
                            wantedTerritories, wantedThemes, Hashes.sha256Hex(token),
                            now.plus(settings.confirmationValidity()), now, existing.confirmedAt(), existing.lastDigestAt());
            store.write(session, next);
            session.save();
            return confirmationMail(session, address, token, wantedTerritories, wantedThemes);
        });
        if (confirmation == null) {
            throw new NewsletterException("unknownTerritory", "territories", "newsletter.error.unknownTerritory");
        }
        if (confirmation.to() != null) {
            send(confirmation);
        }
    }

    public Confirmation confirm(String token) {
        if (token == null || token.indexOf('.') != 32) {
            return Confirmation.INVALID;
        }
        Instant now = clock.instant();
        return repository.withSystemSession(session -> {
            Subscription s = store.find(session, token.substring(0, 32));
            if (s == null || !NewsletterTokens.sameHash(s.confirmationHash(), token)) {
                return Confirmation.INVALID;
            }
            if (s.confirmationExpires() == null || !now.isBefore(s.confirmationExpires())) {
                return Confirmation.EXPIRED;
            }
            store.write(session, new Subscription(s.id(), s.email(), true, s.pendingTerritories(), s.pendingThemes(),
                    List.of(), List.of(), null, null, s.requestedAt(), now,
                    s.confirmed() ? s.lastDigestAt() : null));
            session.save();
            return Confirmation.CONFIRMED;
        });
    }

    /** Deletes the subscription of a genuine token (again: still true); false for a forged token. */
    public boolean unsubscribe(String token) {
        return repository.withSystemSession(session -> {
            String id = tokens(session).verifyUnsubscribeToken(token);
            if (id == null) {
                return false;
            }
            store.delete(session, id);
            session.save();
            return true;
        });
    }

    /** Whether the token is a genuine unsubscribe token (for the confirmation page of a GET). */
    public boolean isUnsubscribeToken(String token) {
        return repository.withSystemSession(session -> tokens(session).verifyUnsubscribeToken(token) != null);
    }

    /** Mails each confirmed subscriber the publications new since the last digest; returns the mails sent. */
    public int sendDigests() {
        Instant now = clock.instant();
        List<Subscription> subscriptions = repository.withSystemSession(store::all);
        int sent = 0;
        for (Subscription s : subscriptions) {
            if (!s.confirmed()) {
                continue;
            }
            Instant since = s.lastDigestAt() != null ? s.lastDigestAt() : s.confirmedAt();
            try {
                Set<String> territories = repository.withSystemSession(session -> scope.withParents(session, s.territories()));
                List<DigestItem> items = repository.withAnonymousSession(session -> DigestQuery.find(session, since, now,
                        territories, s.themes(), settings.maxItemsPerDigest()));
                if (!items.isEmpty()) {
                    send(digestMail(s, items));
                    sent++;
                }
                repository.withSystemSession(session -> {
                    Subscription current = store.find(session, s.id());
                    if (current != null) {
                        store.write(session, new Subscription(current.id(), current.email(), current.confirmed(),
                                current.territories(), current.themes(), current.pendingTerritories(),
                                current.pendingThemes(), current.confirmationHash(), current.confirmationExpires(),
                                current.requestedAt(), current.confirmedAt(), now));
                        session.save();
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("Newsletter: digest of subscription {} not sent: {}", s.id(), e.getMessage());
            }
        }
        LOG.info("Newsletter: {} digests sent", sent);
        return sent;
    }

    /** Deletes subscriptions never confirmed and requested longer ago than the purge delay. */
    public int purgeUnconfirmed() {
        Instant limit = clock.instant().minus(settings.purgeAfter());
        return repository.withSystemSession(session -> {
            int purged = 0;
            for (Subscription s : store.all(session)) {
                if (!s.confirmed() && s.requestedAt() != null && s.requestedAt().isBefore(limit)) {
                    store.delete(session, s.id());
                    purged++;
                }
            }
            session.save();
            LOG.info("Newsletter: {} unconfirmed subscriptions purged", purged);
            return purged;
        });
    }

    /** Trimmed, lower case, one plain address ("Nom <a@b.fr>" and lists are refused). */
    static String normalisedEmail(String email) throws NewsletterException {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (address.isEmpty() || address.length() > 254 || !EMAIL_SHAPE.matcher(address).matches()) {
            throw new NewsletterException("invalidEmail", "email", "newsletter.error.invalidEmail");
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            if (!parsed.getAddress().equals(address) || parsed.getPersonal() != null) {
                throw new AddressException(address);
            }
        } catch (AddressException e) {
            throw new NewsletterException("invalidEmail", "email", "newsletter.error.invalidEmail");
        }
        return address;
    }

    private NewsletterTokens tokens(javax.jcr.Session session) throws javax.jcr.RepositoryException {
        NewsletterTokens current = tokens;
        if (current == null) {
            current = new NewsletterTokens(store.secret(session));
            tokens = current;
        }
        return current;
    }

    private OutgoingMail confirmationMail(javax.jcr.Session session, String address, String token,
                                          List<String> territories, List<String> themes) throws javax.jcr.RepositoryException {
        List<String> territoryNames = new ArrayList<>();
        for (String key : territories) {
            territoryNames.add(scope.name(session, key));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("confirmUrl", settings.apiUrl("/confirm?token=" + token));
        model.put("territories", territoryNames);
        model.put("themes", themes.stream().map(themeNames::get).toList());
        model.put("validityHours", settings.confirmationValidity().toHours());
        String[] body = templates.render("newsletter-confirmation", model);
        return new OutgoingMail(address, messages.get("newsletter.mail.confirmation.subject"), body[0], body[1], Map.of());
    }

    private OutgoingMail digestMail(Subscription s, List<DigestItem> items) {
        String unsubscribeUrl = repository.withSystemSession(session ->
                settings.apiUrl("/unsubscribe?token=" + tokens(session).unsubscribeToken(s.id())));
        Map<String, Object> model = new HashMap<>();
        model.put("items", items);
        model.put("count", items.size());
        model.put("unsubscribeUrl", unsubscribeUrl);
        String[] body = templates.render("newsletter-digest", model);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribeUrl + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return new OutgoingMail(s.email(), messages.get("newsletter.mail.digest.subject", items.size()), body[0], body[1],
                headers);
    }

    private void send(OutgoingMail outgoing) {
        try {
            mail.send(outgoing);
        } catch (MessagingException e) {
            throw new IllegalStateException("Mail not sent: " + e.getMessage(), e);
        }
    }

    private static List<String> distinct(List<String> values) {
        Set<String> set = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    set.add(value.strip());
                }
            }
        }
        return new ArrayList<>(set);
    }

}
