package fr.anct.opencollectivites.newsletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;

import org.apache.jackrabbit.commons.JcrUtils;

import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.repository.Workspaces;

/**
 * Subscriptions under {@code /oc:system/newsletter/subscriptions/<2 first characters of id>/<id>}: the
 * system tree no public session can read, so no API can ever expose an address. Callers save.
 */
final class SubscriptionStore {
    static final String ROOT = "/" + Workspaces.SYSTEM + "/newsletter";
    static final String SUBSCRIPTIONS = ROOT + "/subscriptions";

    /** The platform's newsletter secret, created on first use. */
    byte[] secret(Session session) throws RepositoryException {
        Node root = JcrUtils.getOrCreateByPath(ROOT, ContentWriter.FOLDER_TYPE, session);
        if (!root.hasProperty("secret")) {
            root.setProperty("secret", Base64.getEncoder().encodeToString(NewsletterTokens.newSecret()));
            session.save();
        }
        return Base64.getDecoder().decode(root.getProperty("secret").getString());
    }

    Subscription find(Session session, String id) throws RepositoryException {
        String path = path(id);
        return id != null && id.matches("[0-9a-f]{32}") && session.nodeExists(path) ? read(session.getNode(path)) : null;
    }

    void write(Session session, Subscription s) throws RepositoryException {
        Node node = JcrUtils.getOrCreateByPath(path(s.id()), ContentWriter.FOLDER_TYPE, ContentWriter.SUB_MODEL_TYPE, session, false);
        node.setProperty("email", s.email());
        node.setProperty("confirmed", s.confirmed());
        node.setProperty("territories", s.territories().toArray(String[]::new));
        node.setProperty("themes", s.themes().toArray(String[]::new));
        node.setProperty("pendingTerritories", s.pendingTerritories().toArray(String[]::new));
        node.setProperty("pendingThemes", s.pendingThemes().toArray(String[]::new));
        node.setProperty("confirmationHash", s.confirmationHash());
        node.setProperty("confirmationExpires", calendar(s.confirmationExpires()));
        node.setProperty("requestedAt", calendar(s.requestedAt()));
        node.setProperty("confirmedAt", calendar(s.confirmedAt()));
        node.setProperty("lastDigestAt", calendar(s.lastDigestAt()));
    }

    void delete(Session session, String id) throws RepositoryException {
        if (session.nodeExists(path(id))) {
            session.getNode(path(id)).remove();
        }
    }

    List<Subscription> all(Session session) throws RepositoryException {
        List<Subscription> subscriptions = new ArrayList<>();
        if (!session.nodeExists(SUBSCRIPTIONS)) {
            return subscriptions;
        }
        for (NodeIterator buckets = session.getNode(SUBSCRIPTIONS).getNodes(); buckets.hasNext(); ) {
            for (NodeIterator it = buckets.nextNode().getNodes(); it.hasNext(); ) {
                subscriptions.add(read(it.nextNode()));
            }
        }
        return subscriptions;
    }

    private static String path(String id) {
        return SUBSCRIPTIONS + "/" + id.substring(0, 2) + "/" + id;
    }

    private static Subscription read(Node node) throws RepositoryException {
        return new Subscription(node.getName(), node.getProperty("email").getString(),
                node.getProperty("confirmed").getBoolean(), strings(node, "territories"), strings(node, "themes"),
                strings(node, "pendingTerritories"), strings(node, "pendingThemes"),
                node.hasProperty("confirmationHash") ? node.getProperty("confirmationHash").getString() : null,
                instant(node, "confirmationExpires"), instant(node, "requestedAt"), instant(node, "confirmedAt"),
                instant(node, "lastDigestAt"));
    }

    private static List<String> strings(Node node, String name) throws RepositoryException {
        List<String> values = new ArrayList<>();
        if (node.hasProperty(name)) {
            for (Value value : node.getProperty(name).getValues()) {
                values.add(value.getString());
            }
        }
        return values;
    }

    private static Instant instant(Node node, String name) throws RepositoryException {
        return node.hasProperty(name) ? node.getProperty(name).getDate().toInstant() : null;
    }

    static Calendar calendar(Instant instant) {
        if (instant == null) {
            return null;
        }
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }
}
