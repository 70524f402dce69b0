package fr.anct.opencollectivites.pages;

import java.util.List;
import java.util.Optional;

import javax.jcr.Node;
import javax.jcr.RepositoryException;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.publishing.ItemTypes;
import fr.anct.opencollectivites.repository.Workspaces;
import fr.anct.opencollectivites.security.SecurityPaths;

/**
 * Content types of authored items: the light module's, plus {@code area} (an {@code mgnl:area} of a
 * page) and {@code component:<template>} (a mini-site component). Pages get their
 * {@code mgnl:template}: {@code minisite-home} for a mini-site's {@code home}, {@code minisite-page}
 * elsewhere in a mini-site, {@code page} for editorial pages.
 */
public final class PageItemTypes implements ItemTypes {
    public static final String AREA = "area";
    private static final ContentTypeDefinition AREA_TYPE = new ContentTypeDefinition(AREA,
            new ContentTypeDefinition.Datasource(Workspaces.WEBSITE, "/"), "mgnl:area", List.of(), List.of(), null);

    private final ContentTypeRegistry registry;
    private final ComponentTemplates components;

    public PageItemTypes(ContentTypeRegistry registry, ComponentTemplates components) {
        this.registry = registry;
        this.components = components;
    }

    @Override
    public Optional<ContentTypeDefinition> byName(String name) {
        if (AREA.equals(name)) {
            return Optional.of(AREA_TYPE);
        }
        return name != null && name.startsWith("component:") ? components.byName(name) : registry.byName(name);
    }

    @Override
    public Optional<ContentTypeDefinition> of(Node node) throws RepositoryException {
        String nodeType = node.getPrimaryNodeType().getName();
        if (nodeType.equals("mgnl:area")) {
            return Optional.of(AREA_TYPE);
        }
        if (nodeType.equals("mgnl:component")) {
            return components.byTemplate(node.hasProperty("mgnl:template") ? node.getProperty("mgnl:template").getString() : null);
        }
        return registry.byNodeType(nodeType);
    }

    @Override
    public void initialise(Node node, String typeName) throws RepositoryException {
        if (typeName.startsWith("component:")) {
            node.setProperty("mgnl:template", ComponentTemplates.TEMPLATE_PREFIX + typeName.substring("component:".length()));
        } else if (node.isNodeType("mgnl:page")) {
            node.setProperty("mgnl:template", "open-collectivites:pages/" + pageTemplate(node));
        }
    }

    /** From the path alone: a user may not be allowed to read the ancestors of what they write. */
    private static String pageTemplate(Node page) throws RepositoryException {
        String path = page.getPath();
        String website = Workspaces.draftRoot(Workspaces.WEBSITE) + SecurityPaths.SITES + "/";
        String live = Workspaces.liveRoot(Workspaces.WEBSITE) + SecurityPaths.SITES + "/";
        String inSites = path.startsWith(website) ? path.substring(website.length())
                : path.startsWith(live) ? path.substring(live.length()) : null;
        if (inSites == null) {
            return "page";
        }
        String[] segments = inSites.split("/");
        return segments.length == 2 && segments[1].equals("home") ? "minisite-home" : "minisite-page";
    }
}
