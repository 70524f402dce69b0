package fr.anct.opencollectivites.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.jcr.Node;
import javax.jcr.NodeIterator;

import org.apache.jackrabbit.commons.JcrUtils;

import fr.anct.opencollectivites.repository.OakRepository;

/**
 * API tokens for scripts: random, shown once at creation, stored as their SHA-256 under
 * {@code /oc:system/security/tokens}, revocable by their owner. A request bearing one
 * ({@code Authorization: Bearer oct_…}) runs as the owner, with the owner's current roles.
 */
public final class ApiTokens {
    public static final String PREFIX = "oct_";
    static final String ROOT = SecurityPaths.SECURITY_ROOT + "/tokens";

    private final OakRepository repository;
    private final Clock clock;

    public ApiTokens(OakRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** A token as listed: its public id (a prefix of its hash), never the secret. */
    public record TokenInfo(String id, String name, String userId, Instant created) {
    }

    /** The secret (to show once) and what is listed afterwards. */
    public record NewToken(String secret, TokenInfo info) {
    }

    public NewToken create(String userId, String name) {
        String secret = PREFIX + Secrets.newSecret();
        String hash = Secrets.hash(secret);
        Instant created = clock.instant();
        String label = name == null || name.isBlank() ? "jeton" : name.strip();
        repository.withSystemSession(session -> {
            Node node = JcrUtils.getOrCreateByPath(ROOT, "mgnl:folder", session).addNode(hash, "nt:unstructured");
            node.setProperty("userId", userId);
            node.setProperty("name", label);
            node.setProperty("created", WebSessions.calendar(created));
            session.save();
            return null;
        });
        return new NewToken(secret, new TokenInfo(hash.substring(0, 12), label, userId, created));
    }

    /** The owner of a presented token, if it is a live one and its owner is active (a disabled owner's is suspended). */
    public Optional<String> owner(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || !Secrets.wellFormed(secret.substring(PREFIX.length()))) {
            return Optional.empty();
        }
        return repository.withSystemSession(session -> {
            String path = ROOT + "/" + Secrets.hash(secret);
            if (!session.nodeExists(path)) {
                return Optional.empty();
            }
            String owner = session.getNode(path).getProperty("userId").getString();
            return Accounts.active(session, owner) ? Optional.of(owner) : Optional.empty();
        });
    }

    public List<TokenInfo> list(String userId) {
        return repository.withSystemSession(session -> {
            List<TokenInfo> tokens = new ArrayList<>();
            if (session.nodeExists(ROOT)) {
                for (NodeIterator it = session.getNode(ROOT).getNodes(); it.hasNext(); ) {
                    Node node = it.nextNode();
                    if (node.getProperty("userId").getString().equals(userId)) {
                        tokens.add(new TokenInfo(node.getName().substring(0, 12), node.getProperty("name").getString(),
                                userId, node.getProperty("created").getDate().toInstant()));
                    }
                }
            }
            return tokens;
        });
    }

    /** Revokes one of the user's tokens; false if the user has none with this id. */
    public boolean revoke(String userId, String id) {
        if (id == null || !id.matches("[0-9a-f]{12}")) {
            return false;
        }
        return repository.withSystemSession(session -> {
            if (!session.nodeExists(ROOT)) {
                return false;
            }
            for (NodeIterator it = session.getNode(ROOT).getNodes(); it.hasNext(); ) {
                Node node = it.nextNode();
                if (node.getName().startsWith(id) && node.getProperty("userId").getString().equals(userId)) {
                    node.remove();
                    session.save();
                    return true;
                }
            }
            return false;
        });
    }
}
