package fr.anct.opencollectivites.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;

import fr.anct.opencollectivites.repository.NodeProperties;

/** Magnolia's page model read for rendering: a page's areas and their components, as template models. */
final class PageComponents {
    private PageComponents() {
    }

    /** The components of every area of the page, in order, each as {@code type} and its properties. */
    static List<Map<String, Object>> of(Node page) throws RepositoryException {
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
                Map<String, Object> model = new LinkedHashMap<>();
                model.put("type", type.startsWith("minisite-") ? type.substring("minisite-".length()) : type);
                model.put("title", string(component, "title").orElse(""));
                model.put("text", string(component, "text").orElse(""));
                model.put("territories", territories(NodeProperties.strings(component, "territories")));
                model.put("themes", NodeProperties.strings(component, "themes"));
                model.put("departement", string(component, "departement").orElse(""));
                components.add(model);
            }
        }
        return components;
    }

    /** {@code commune:42218} → a link to the fiche page (the site redirects the bare code to its canonical URL). */
    private static List<Map<String, String>> territories(List<String> keys) {
        List<Map<String, String>> links = new ArrayList<>();
        for (String key : keys) {
            int colon = key.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String section = switch (key.substring(0, colon)) {
                case "commune" -> "communes";
                case "epci" -> "epci";
                case "departement" -> "departements";
                case "region" -> "regions";
                default -> null;
            };
            if (section != null) {
                links.add(Map.of("key", key, "code", key.substring(colon + 1),
                        "href", "/" + section + "/" + key.substring(colon + 1)));
            }
        }
        return links;
    }

    static Optional<String> string(Node node, String name) throws RepositoryException {
        return Optional.ofNullable(NodeProperties.string(node, name));
    }
}
