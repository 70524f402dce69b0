package fr.anct.opencollectivites.pages;

import static fr.anct.opencollectivites.repository.NodeProperties.number;
import static fr.anct.opencollectivites.repository.NodeProperties.string;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.Query;

import fr.anct.opencollectivites.collectivites.Territories;
import fr.anct.opencollectivites.content.ContentMap;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.WebUrls;
import fr.anct.opencollectivites.repository.Workspaces;

/**
 * What fiches show beside the référentiel: callouts on a collectivité, alerts in force on a territory
 * or any territory containing it, démarches links. Reads with the session it is given — anonymous for
 * the public site, so only published items are ever returned. Territory keys are
 * {@code <level>:<code>}: {@code commune:42218}, {@code epci:244200770}, {@code departement:42},
 * {@code region:84}.
 */
public final class EditorialContent {
    private final ContentTypeRegistry types;
    private final Territories territories;

    public EditorialContent(ContentTypeRegistry types) {
        this.types = types;
        this.territories = new Territories(types);
    }

    /** @param content every property of the callout ({@link ContentMap}): templates read {@code callout.content.<name>} */
    public record Callout(String id, String collectivite, String title, String message, String link,
                          Map<String, Object> content) {
    }

    /** @param content every property of the alert ({@link ContentMap}) */
    public record Alert(String id, String territory, String title, String message, String severity,
                        Instant validFrom, Instant validUntil, String link, Map<String, Object> content) {
    }

    /** @param content every property of the démarche ({@link ContentMap}) */
    public record Demarche(String code, String title, String description, String url, Map<String, Object> content) {
    }

    /**
     * A callout, alert or démarche draft that the authoring preview shows in place of its live copy (the
     * live node at {@code livePath}, if any), whatever its dates: {@code inForce} says whether the
     * published item would show now. Exactly one of the three items is set.
     */
    public record Draft(String livePath, Callout callout, Alert alert, Demarche demarche, Long position,
                        boolean inForce) {
        /** The key of the fiche that shows it: a callout's collectivité, an alert's territory; none for a démarche. */
        public Optional<String> territory() {
            return Optional.ofNullable(callout != null ? callout.collectivite() : alert != null ? alert.territory() : null);
        }
    }

    /** The draft of a callout, alert or démarche node read from the draft tree; empty for any other node. */
    public static Optional<Draft> draft(Node node, String livePath, Instant now) throws RepositoryException {
        boolean inForce = inForce(node, now);
        if (node.isNodeType("oc:callout")) {
            return Optional.of(new Draft(livePath, callout(node), null, null, null, inForce));
        }
        if (node.isNodeType("oc:alert")) {
            return Optional.of(new Draft(livePath, null, alert(node), null, null, inForce));
        }
        if (node.isNodeType("oc:demarche")) {
            return Optional.of(new Draft(livePath, null, null, demarche(node), number(node, "position"), true));
        }
        return Optional.empty();
    }

    /** Callouts on one collectivité, in force at {@code now}. */
    public List<Callout> callouts(Session session, String collectiviteKey, Instant now) throws RepositoryException {
        return callouts(session, collectiviteKey, now, null);
    }

    /** The same with a draft (may be null) in place of its live copy: where it stands, else last. */
    public List<Callout> callouts(Session session, String collectiviteKey, Instant now, Draft draft)
            throws RepositoryException {
        Callout drafted = draft == null || draft.callout() == null
                || !collectiviteKey.equals(draft.callout().collectivite()) ? null : draft.callout();
        List<Callout> callouts = new ArrayList<>();
        for (Node node : byProperty(session, "oc:callout", "collectivite", collectiviteKey)) {
            if (draft != null && node.getPath().equals(draft.livePath())) {
                if (drafted != null) {
                    callouts.add(drafted);
                    drafted = null;
                }
            } else if (inForce(node, now)) {
                callouts.add(callout(node));
            }
        }
        if (drafted != null) {
            callouts.add(drafted);
        }
        return callouts;
    }

    private static Callout callout(Node node) throws RepositoryException {
        return new Callout(node.getIdentifier(), string(node, "collectivite"), string(node, "title"),
                string(node, "message"), link(node, "link"), content(node, "link"));
    }

    /**
     * Alerts in force at {@code now} on any of the given territories (a commune's fiche passes its own
     * key and those of its EPCI, département and région: {@link #territoriesOfCommune}); most severe
     * first, then the soonest to end. An alert past its {@code validUntil} is never returned.
     */
    public List<Alert> alerts(Session session, Set<String> territoryKeys, Instant now) throws RepositoryException {
        return alerts(session, territoryKeys, now, null);
    }

    /** The same with a draft (may be null) in place of its live copy. */
    public List<Alert> alerts(Session session, Set<String> territoryKeys, Instant now, Draft draft)
            throws RepositoryException {
        Map<String, Alert> alerts = new LinkedHashMap<>();
        for (String key : territoryKeys) {
            for (Node node : byProperty(session, "oc:alert", "territory", key)) {
                if (inForce(node, now) && (draft == null || !node.getPath().equals(draft.livePath()))) {
                    alerts.putIfAbsent(node.getIdentifier(), alert(node));
                }
            }
        }
        if (draft != null && draft.alert() != null && territoryKeys.contains(draft.alert().territory())) {
            alerts.put(draft.livePath(), draft.alert());
        }
        List<Alert> sorted = new ArrayList<>(alerts.values());
        sorted.sort(Comparator.comparingInt((Alert a) -> severityRank(a.severity()))
                .thenComparing(Alert::validUntil, Comparator.nullsLast(Comparator.naturalOrder())));
        return sorted;
    }

    private static Alert alert(Node node) throws RepositoryException {
        return new Alert(node.getIdentifier(), string(node, "territory"), string(node, "title"), string(node, "message"),
                string(node, "severity"), date(node, "validFrom"), date(node, "validUntil"), link(node, "link"),
                content(node, "link"));
    }

    /** The keys of a commune and of the territories that contain it ({@link Territories#withParents}). */
    public Set<String> territoriesOfCommune(Session session, String communeCode) throws RepositoryException {
        Set<String> keys = new LinkedHashSet<>();
        keys.add("commune:" + communeCode);
        territories.withParents(session, "commune:" + communeCode)
                .ifPresent(found -> found.forEach(key -> keys.add(key.toString())));
        return keys;
    }

    /** Every démarche link, by position then title. */
    public List<Demarche> demarches(Session session) throws RepositoryException {
        return demarches(session, null);
    }

    /** The same with a draft (may be null) in place of its live copy. */
    public List<Demarche> demarches(Session session, Draft draft) throws RepositoryException {
        String root = Workspaces.livePath(Workspaces.WEBSITE, types.require("demarche").datasource().rootPath());
        List<Map.Entry<Long, Demarche>> ranked = new ArrayList<>();
        if (session.nodeExists(root)) {
            for (NodeIterator it = session.getNode(root).getNodes(); it.hasNext(); ) {
                Node node = it.nextNode();
                if (node.isNodeType("oc:demarche") && (draft == null || !node.getPath().equals(draft.livePath()))) {
                    ranked.add(Map.entry(rank(number(node, "position")), demarche(node)));
                }
            }
        }
        if (draft != null && draft.demarche() != null) {
            ranked.add(Map.entry(rank(draft.position()), draft.demarche()));
        }
        ranked.sort(Map.Entry.<Long, Demarche>comparingByKey().thenComparing(entry -> entry.getValue().title()));
        List<Demarche> demarches = new ArrayList<>();
        ranked.removeIf(entry -> entry.getValue().url() == null); // a démarche is its link
        for (Map.Entry<Long, Demarche> entry : ranked) {
            demarches.add(entry.getValue());
        }
        return demarches;
    }

    private static long rank(Long position) {
        return position == null ? Long.MAX_VALUE : position;
    }

    private static Demarche demarche(Node node) throws RepositoryException {
        return new Demarche(string(node, "code"), string(node, "title"), string(node, "description"), link(node, "url"),
                content(node, "url"));
    }

    /** The node's content map ({@link ContentMap}) with its address checked again as {@link #link} does. */
    private static Map<String, Object> content(Node node, String linkName) throws RepositoryException {
        Map<String, Object> content = new LinkedHashMap<>(ContentMap.of(node));
        String safe = link(node, linkName);
        if (safe == null) {
            content.remove(linkName);
        } else {
            content.put(linkName, safe);
        }
        return Collections.unmodifiableMap(content);
    }

    /** A stored address checked again before it is put in a page or a feed: null unless absolute http(s). */
    private static String link(Node node, String name) throws RepositoryException {
        return WebUrls.safe(string(node, name)).orElse(null);
    }

    private List<Node> byProperty(Session session, String nodeType, String property, String value)
            throws RepositoryException {
        String root = Workspaces.liveRoot(Workspaces.WEBSITE);
        Query query = session.getWorkspace().getQueryManager().createQuery("SELECT * FROM [" + nodeType + "] AS n WHERE n.["
                + property + "] = $value AND ISDESCENDANTNODE(n, '" + root + "')", Query.JCR_SQL2);
        query.bindValue("value", session.getValueFactory().createValue(value));
        List<Node> nodes = new ArrayList<>();
        for (NodeIterator it = query.execute().getNodes(); it.hasNext(); ) {
            nodes.add(it.nextNode());
        }
        return nodes;
    }

    private static boolean inForce(Node node, Instant now) throws RepositoryException {
        Instant from = date(node, "validFrom");
        Instant until = date(node, "validUntil");
        return (from == null || !from.isAfter(now)) && (until == null || until.isAfter(now));
    }

    private static int severityRank(String severity) {
        return switch (severity == null ? "" : severity) {
            case "alert" -> 0;
            case "warning" -> 1;
            default -> 2;
        };
    }

    private static Instant date(Node node, String name) throws RepositoryException {
        return node.hasProperty(name) ? node.getProperty(name).getDate().toInstant() : null;
    }
}
