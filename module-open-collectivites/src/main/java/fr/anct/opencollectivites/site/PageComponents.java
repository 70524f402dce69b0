package fr.anct.opencollectivites.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.repository.NodeProperties;

/** Magnolia's page model read for rendering: a page's areas and their components, as template models. */
final class PageComponents {
    private PageComponents() {
    }

    /**
     * The components of every area of the page, in order, each as {@code type} and its properties; the
     * live blocks also get their items ({@code publications}, {@code alerts}, {@code communes}), read with
     * the page's session. {@code site} is the page's mini-site (null for an editorial page): the communes
     * block lists its territories' communes, and a fiches block without territories shows the site's.
     */
    static List<Map<String, Object>> of(Node page, Node site, LiveBlocks live) throws RepositoryException {
        Session session = page.getSession();
        List<String> siteTerritories = site == null ? List.of() : NodeProperties.strings(site, "territories");
        List<Map<String, Object>> components = new ArrayList<>();
        for (NodeIterator areas = page.getNodes(); areas.hasNext(); ) {
            Node area = areas.nextNode();
            if (!area.isNodeType("mgnl:area")) {
                continue;
            }
            for (NodeIterator items = area.getNodes(); items.hasNext(); ) {
                Node component = items.nextNode();
                Optional<String> template = string(component, "mgnl:template");
                if (!component.isNodeType("mgnl:component") || template.isEmpty()) {
                    continue;
                }
                String type = template.get().substring(template.get().lastIndexOf('/') + 1);
                List<String> territoryKeys = NodeProperties.strings(component, "territories");
                if ("minisite-fiches".equals(type) && territoryKeys.isEmpty()) {
                    territoryKeys = siteTerritories;
                }
                String departement = string(component, "departement").orElse("");
                Map<String, Object> model = new LinkedHashMap<>();
                model.put("type", type.startsWith("minisite-") ? type.substring("minisite-".length()) : type);
                model.put("title", string(component, "title").orElse(""));
                model.put("text", string(component, "text").orElse(""));
                model.put("territories", live.territories(session, territoryKeys));
                model.put("themes", NodeProperties.strings(component, "themes"));
                model.put("departement", departement);
                switch (type) {
                    case "minisite-publications" -> {
                        Long limit = component.hasProperty("limit") ? component.getProperty("limit").getLong() : null;
                        model.put("publications", live.publications(session,
                                NodeProperties.strings(component, "themes"), territoryKeys, limit));
                    }
                    case "minisite-alerts" -> model.put("alerts", live.alerts(session, territoryKeys));
                    case "minisite-communes" -> model.put("communes", live.communes(session, siteTerritories, departement));
                    default -> {
                    }
                }
                components.add(model);
            }
        }
        return components;
    }

    static Optional<String> string(Node node, String name) throws RepositoryException {
        return Optional.ofNullable(NodeProperties.string(node, name));
    }
}
