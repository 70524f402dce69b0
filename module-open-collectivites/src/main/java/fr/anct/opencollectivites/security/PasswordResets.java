package fr.anct.opencollectivites.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.jcr.Node;

import org.apache.jackrabbit.commons.JcrUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * Password reset by e-mail link. The token is random, stored only as its SHA-256 under
 * {@code /oc:system/security/resets}, valid one hour and once. Asking never tells whether an account
 * exists. A reset ends every session of the user.
 */
public final class PasswordResets {
    public static final Duration VALIDITY = Duration.ofHours(1);
    static final String ROOT = SecurityPaths.SECURITY_ROOT + "/resets";
    private static final Logger LOG = LoggerFactory.getLogger(PasswordResets.class);

    private final OakRepository repository;
    private final Accounts accounts;
    private final WebSessions webSessions;
    private final Mailer mailer;
    private final Messages messages;
    private final Clock clock;

    public PasswordResets(OakRepository repository, Accounts accounts, WebSessions webSessions, Mailer mailer,
                          Messages messages, Clock clock) {
        this.repository = repository;
        this.accounts = accounts;
        this.webSessions = webSessions;
        this.mailer = mailer;
        this.messages = messages;
        this.clock = clock;
    }

    /** Mails a reset link to the account named by login or e-mail address, if there is one. */
    public void request(String loginOrEmail) {
        if (loginOrEmail == null || loginOrEmail.isBlank()) {
            return;
        }
        Optional<Account> account = repository.withSystemSession(session -> {
            Optional<Account> byLogin = accounts.find(session, loginOrEmail.strip());
            return byLogin.isPresent() ? byLogin : accounts.findByEmail(session, loginOrEmail.strip());
        });
        if (account.isEmpty() || account.get().disabled() || account.get().email() == null) {
            LOG.info("Password reset asked for an unknown or disabled account");
            return;
        }
        String token = Secrets.newSecret();
        repository.withSystemSession(session -> {
            Node node = JcrUtils.getOrCreateByPath(ROOT, "mgnl:folder", session)
                    .addNode(Secrets.hash(token), "nt:unstructured");
            node.setProperty("userId", account.get().login());
            node.setProperty("expires", WebSessions.calendar(clock.instant().plus(VALIDITY)));
            session.save();
            return null;
        });
        String link = mailer.settings().baseUrl() + "/auteur/mot-de-passe?jeton=" + token;
        try {
            mailer.send(account.get().email(), messages.get("security.reset.mail.subject"),
                    messages.get("security.reset.mail.body", account.get().login(), link, VALIDITY.toMinutes()));
        } catch (RuntimeException e) {
            // the answer stays the same whether the account exists or the mail failed: no enumeration
            LOG.error("Password reset mail for {} not sent: {}", account.get().login(), e.getMessage(), e);
        }
    }

    /** Sets the new password if the token is valid; the token is spent either way once valid. */
    public void confirm(String token, char[] newPassword) {
        if (!Secrets.wellFormed(token)) {
            throw new AccountException("security.reset.invalid");
        }
        String userId = repository.withSystemSession(session -> {
            String path = ROOT + "/" + Secrets.hash(token);
            if (!session.nodeExists(path)) {
                throw new AccountException("security.reset.invalid");
            }
            Node node = session.getNode(path);
            String owner = node.getProperty("userId").getString();
            Instant expires = node.getProperty("expires").getDate().toInstant();
            if (!expires.isAfter(clock.instant())) {
                node.remove();
                session.save();
                throw new AccountException("security.reset.invalid");
            }
            accounts.setPassword(session, owner, newPassword);
            node.remove();
            session.save();
            return owner;
        });
        webSessions.deleteAllOf(userId);
    }
}
