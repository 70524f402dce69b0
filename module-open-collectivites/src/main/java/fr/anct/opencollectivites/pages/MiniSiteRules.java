package fr.anct.opencollectivites.pages;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.Query;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.Violation;
import fr.anct.opencollectivites.publishing.DraftException;
import fr.anct.opencollectivites.publishing.DraftRules;
import fr.anct.opencollectivites.publishing.ItemPath;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * The rules of a mini-site ({@code oc:minisite}) for every draft write, the settings form's and the JSON
 * API's alike:
 * <ul>
 * <li>a mini-site is created only by an administrator ({@link MiniSites#create}), never as a draft
 * (nor anywhere else, e.g. under {@code website/pages});</li>
 * <li>its {@code slug} and {@code teamGroup} are fixed at creation (the node's name, the group the
 * access-control entries name): no draft write changes them;</li>
 * <li>{@code hostName}: a host name (lower case, at least one dot), not one of the platform's own
 * (its {@code site.baseUrl} host, {@code localhost}), not one another mini-site has, as a draft or
 * live (looked up with the system session: a team cannot read other teams' drafts);</li>
 * <li>{@code accent}: one of the DSFR illustrative colours; {@code navigation}: pages of the site.</li>
 * </ul>
 */
public final class MiniSiteRules implements DraftRules {
    public static final String NODE_TYPE = "oc:minisite";
    /** The DSFR illustrative colours ("couleurs illustratives"). */
    public static final List<String> ACCENTS = List.of("green-tilleul-verveine", "green-bourgeon", "green-emeraude",
            "green-menthe", "green-archipel", "blue-ecume", "blue-cumulus", "purple-glycine", "pink-macaron",
            "pink-tuile", "yellow-tournesol", "yellow-moutarde", "orange-terre-battue", "brown-cafe-creme",
            "brown-caramel", "brown-opera", "beige-gris-galet");
    private static final String HOST = "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}";

    private final OakRepository repository;
    private final Set<String> reservedHosts;

    /** @param platformHosts the platform's own host names (from {@code site.baseUrl}); {@code localhost} always */
    public MiniSiteRules(OakRepository repository, Collection<String> platformHosts) {
        this.repository = repository;
        Set<String> reserved = new LinkedHashSet<>();
        platformHosts.forEach(h -> reserved.add(h.toLowerCase(Locale.ROOT)));
        reserved.add("localhost");
        this.reservedHosts = Set.copyOf(reserved);
    }

    @Override
    public void check(Session session, ItemPath path, ContentTypeDefinition type, Optional<Node> existing,
                      Map<String, Object> values, List<Violation> violations) throws RepositoryException {
        if (!NODE_TYPE.equals(type.nodeType())) {
            return;
        }
        if (existing.isEmpty()) {
            throw new DraftException(DraftException.Reason.INVALID, "authoring.minisite.createdByAdministrators");
        }
        Node site = existing.get();
        for (String fixed : List.of("slug", "teamGroup")) {
            if (values.containsKey(fixed) && !String.valueOf(values.get(fixed)).equals(string(site, fixed))) {
                violations.add(new Violation(fixed, "authoring.minisite.fixedAtCreation", string(site, fixed)));
            }
        }
        if (values.get("hostName") instanceof String text) {
            String host = text.strip().toLowerCase(Locale.ROOT);
            if (host.isEmpty()) {
                values.put("hostName", null);
            } else if (!host.matches(HOST) || host.length() > 253) {
                violations.add(new Violation("hostName", "authoring.minisite.badHost"));
            } else if (reservedHosts.contains(host) || host.endsWith(".localhost")) {
                violations.add(new Violation("hostName", "authoring.minisite.hostReserved", host));
            } else if (hostTaken(host, site.getName())) {
                violations.add(new Violation("hostName", "authoring.minisite.hostTaken", host));
            } else {
                values.put("hostName", host);
            }
        }
        if (values.get("accent") instanceof String accent) {
            if (accent.isBlank()) {
                values.put("accent", null);
            } else if (!ACCENTS.contains(accent.strip())) {
                violations.add(new Violation("accent", "authoring.minisite.badAccent"));
            } else {
                values.put("accent", accent.strip());
            }
        }
        if (values.get("navigation") instanceof Collection<?> navigation) {
            List<String> pages = pageNames(site);
            LinkedHashSet<String> order = new LinkedHashSet<>();
            for (Object item : navigation) {
                String name = String.valueOf(item).strip();
                if (name.isEmpty()) {
                    continue;
                }
                if (!pages.contains(name)) {
                    violations.add(new Violation("navigation", "authoring.minisite.badPage", name));
                }
                order.add(name);
            }
            values.put("navigation", new ArrayList<>(order));
        }
    }

    /** Whether another mini-site, as a draft or live, has that host name. */
    private boolean hostTaken(String host, String slug) {
        return repository.withSystemSession(system -> {
            Query query = system.getWorkspace().getQueryManager().createQuery(
                    "SELECT * FROM [" + NODE_TYPE + "] AS m WHERE m.[hostName] = $host", Query.JCR_SQL2);
            query.bindValue("host", system.getValueFactory().createValue(host));
            for (NodeIterator it = query.execute().getNodes(); it.hasNext(); ) {
                if (!it.nextNode().getName().equals(slug)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** The pages of a mini-site's draft, in their order. */
    public static List<String> pageNames(Node site) throws RepositoryException {
        List<String> names = new ArrayList<>();
        for (NodeIterator it = site.getNodes(); it.hasNext(); ) {
            Node child = it.nextNode();
            if (child.isNodeType("mgnl:page")) {
                names.add(child.getName());
            }
        }
        return names;
    }

    private static String string(Node node, String name) throws RepositoryException {
        return node.hasProperty(name) && !node.getProperty(name).isMultiple() ? node.getProperty(name).getString() : "";
    }
}
