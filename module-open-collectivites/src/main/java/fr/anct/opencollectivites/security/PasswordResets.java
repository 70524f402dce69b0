package fr.anct.opencollectivites.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;

import org.apache.jackrabbit.commons.JcrUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * Password reset by e-mail link. The token is random, stored only as its SHA-256 under
 * {@code /oc:system/security/resets}, valid one hour and once; using one spends every other link of the
 * account. Asking never tells whether an account exists: the look-up and the mail happen after the
 * answer, on a background thread, so the answer takes as long either way. At most
 * {@value #MAX_LINKS} valid links per account at a time (further asks are dropped, silently). A reset
 * ends every session of the user.
 */
public final class PasswordResets implements AutoCloseable {
    public static final Duration VALIDITY = Duration.ofHours(1);
    static final int MAX_LINKS = 3;
    static final String ROOT = SecurityPaths.SECURITY_ROOT + "/resets";
    private static final Logger LOG = LoggerFactory.getLogger(PasswordResets.class);

    private final OakRepository repository;
    private final Accounts accounts;
    private final WebSessions webSessions;
    private final Mailer mailer;
    private final Messages messages;
    private final Clock clock;
    /** One thread, a bounded queue: a flood of asks cannot pile up memory or threads (the excess is dropped). */
    private final ThreadPoolExecutor background = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(200), runnable -> {
                Thread thread = new Thread(runnable, "password-reset-mails");
                thread.setDaemon(true);
                return thread;
            }, (runnable, executor) -> LOG.warn("Password reset asks arrive faster than they are handled: one dropped"));

    public PasswordResets(OakRepository repository, Accounts accounts, WebSessions webSessions, Mailer mailer,
                          Messages messages, Clock clock) {
        this.repository = repository;
        this.accounts = accounts;
        this.webSessions = webSessions;
        this.mailer = mailer;
        this.messages = messages;
        this.clock = clock;
    }

    /** Mails a reset link to the account named by login or e-mail address, if there is one; returns at once. */
    public void request(String loginOrEmail) {
        if (loginOrEmail == null || loginOrEmail.isBlank()) {
            return;
        }
        background.execute(() -> {
            try {
                send(loginOrEmail);
            } catch (RuntimeException e) {
                LOG.error("Password reset not handled: {}", e.getMessage(), e);
            }
        });
    }

    private void send(String loginOrEmail) {
        Optional<Account> account = repository.withSystemSession(session -> {
            Optional<Account> byLogin = accounts.find(session, loginOrEmail.strip());
            return byLogin.isPresent() ? byLogin : accounts.findByEmail(session, loginOrEmail.strip());
        });
        if (account.isEmpty() || account.get().disabled() || account.get().email() == null) {
            LOG.info("Password reset asked for an unknown or disabled account");
            return;
        }
        String token = Secrets.newSecret();
        boolean stored = repository.withSystemSession(session -> {
            Node root = JcrUtils.getOrCreateByPath(ROOT, "mgnl:folder", session);
            if (validLinks(root, account.get().login()) >= MAX_LINKS) {
                session.save(); // expired links removed
                return false;
            }
            Node node = root.addNode(Secrets.hash(token), "nt:unstructured");
            node.setProperty("userId", account.get().login());
            node.setProperty("expires", WebSessions.calendar(clock.instant().plus(VALIDITY)));
            session.save();
            return true;
        });
        if (!stored) {
            LOG.info("Password reset for {} not sent: {} links already valid", account.get().login(), MAX_LINKS);
            return;
        }
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
            removeLinksOf(session.getNode(ROOT), owner); // the other links sent to the account are spent too
            session.save();
            return owner;
        });
        webSessions.deleteAllOf(userId);
    }

    /** The account's links still valid; expired links of anyone are removed on the way. */
    private int validLinks(Node root, String userId) throws RepositoryException {
        int valid = 0;
        Instant now = clock.instant();
        for (NodeIterator it = root.getNodes(); it.hasNext(); ) {
            Node link = it.nextNode();
            if (!link.getProperty("expires").getDate().toInstant().isAfter(now)) {
                link.remove();
            } else if (link.getProperty("userId").getString().equals(userId)) {
                valid++;
            }
        }
        return valid;
    }

    private static void removeLinksOf(Node root, String userId) throws RepositoryException {
        for (NodeIterator it = root.getNodes(); it.hasNext(); ) {
            Node link = it.nextNode();
            if (link.getProperty("userId").getString().equals(userId)) {
                link.remove();
            }
        }
    }

    /** Waits for the asks already taken (a test, a clean stop). */
    public void awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while ((background.getActiveCount() > 0 || !background.getQueue().isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        background.shutdown();
    }
}
