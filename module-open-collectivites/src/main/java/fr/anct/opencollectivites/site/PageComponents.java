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
import javax.jcr.query.Query;

import fr.anct.opencollectivites.repository.NodeProperties;

/** Magnolia's page model read for rendering: a page's areas and their components, as template models. */
final class PageComponents {
    private PageComponents() {
    }

    /**
     * The components of every area of the page, in order, each as {@code type} and its properties; the
     * live blocks also get their items ({@code publications}, {@code alerts}), read with the page's session.
     */
    static List<Map<String, Object>> of(Node page, LiveBlocks live) throws RepositoryException {
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
                model.put("territories", territories(page.getSession(), NodeProperties.strings(component, "territories")));
                model.put("themes", NodeProperties.strings(component, "themes"));
                model.put("departement", string(component, "departement").orElse(""));
                List<String> territoryKeys = NodeProperties.strings(component, "territories");
                if ("minisite-publications".equals(type)) {
                    Long limit = component.hasProperty("limit") ? component.getProperty("limit").getLong() : null;
                    model.put("publications", live.publications(page.getSession(),
                            NodeProperties.strings(component, "themes"), territoryKeys, limit));
                } else if ("minisite-alerts".equals(type)) {
                    model.put("alerts", live.alerts(page.getSession(), territoryKeys));
                }
                components.add(model);
            }
        }
        return components;
    }

    /**
     * {@code commune:42218} → a link to the fiche page (the site redirects the bare code to its canonical
     * URL), with the collectivité's current name from the live référentiel when it is there.
     */
    private static List<Map<String, String>> territories(Session session, List<String> keys) throws RepositoryException {
        List<Map<String, String>> links = new ArrayList<>();
        for (String key : keys) {
            int colon = key.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String level = key.substring(0, colon);
            String section = switch (level) {
                case "commune" -> "communes";
                case "epci" -> "epci";
                case "departement" -> "departements";
                case "region" -> "regions";
                default -> null;
            };
            String code = key.substring(colon + 1);
            if (section != null && code.matches("[0-9AB]{2,9}")) {
                links.add(Map.of("key", key, "code", code, "href", "/" + section + "/" + code,
                        "name", liveName(session, level, code).orElse("")));
            }
        }
        return links;
    }

    private static Optional<String> liveName(Session session, String level, String code) throws RepositoryException {
        Query query = session.getWorkspace().getQueryManager().createQuery("SELECT * FROM [oc:" + level
                + "] AS c WHERE c.[code] = $code AND ISDESCENDANTNODE(c, '/collectivites')", Query.JCR_SQL2);
        query.bindValue("code", session.getValueFactory().createValue(code));
        for (NodeIterator nodes = query.execute().getNodes(); nodes.hasNext(); ) {
            Node node = nodes.nextNode();
            // A commune déléguée or associée shares the code of its commune (node <code>-comd / -coma).
            if (node.getName().equals(code)) {
                return string(node, "nom");
            }
        }
        return Optional.empty();
    }

    static Optional<String> string(Node node, String name) throws RepositoryException {
        return Optional.ofNullable(NodeProperties.string(node, name));
    }
}
