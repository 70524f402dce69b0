package fr.anct.opencollectivites.site;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;

import fr.anct.opencollectivites.delivery.SessionProvider;
import fr.anct.opencollectivites.repository.RepositoryFailure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The published mini-sites of the program teams at {@code /sites/{slug}/} (their {@code home} page) and
 * {@code /sites/{slug}/{page}}: Magnolia's page model (page → areas → components) read from the live
 * {@code /website/sites/<slug>} tree with the anonymous session, so a draft is never shown.
 */
@Path("sites")
public final class MiniSiteResource {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final String SITES = "/website/sites/";

    private final SiteRenderer renderer;
    private final SessionProvider sessions;
    private final HtmlAnswers answers = new HtmlAnswers(Instant.now());
    @Context
    private UriInfo uri;
    @Context
    private Request request;

    public MiniSiteResource(SiteRenderer renderer, SessionProvider sessions) {
        this.renderer = renderer;
        this.sessions = sessions;
    }

    /** The home page at {@code /sites/{slug}/}; without the final slash, a redirect to it (relative links). */
    @GET
    @Path("{slug}")
    public Response home(@PathParam("slug") String slug) {
        if (!uri.getPath().endsWith("/")) {
            return NAME.matcher(slug).matches()
                    ? Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create("/sites/" + slug + "/")).build()
                    : notFound();
        }
        return page(slug, "home");
    }

    @GET
    @Path("{slug}/{page}")
    public Response page(@PathParam("slug") String slug, @PathParam("page") String page) {
        if (!NAME.matcher(slug).matches() || !NAME.matcher(page).matches()) {
            return notFound();
        }
        Session session = sessions.open(null);
        try {
            String sitePath = SITES + slug;
            String pagePath = sitePath + "/" + page;
            if (!session.nodeExists(sitePath) || !session.nodeExists(pagePath)
                    || !session.getNode(pagePath).isNodeType("mgnl:page")) {
                return notFound();
            }
            Node site = session.getNode(sitePath);
            Node pageNode = session.getNode(pagePath);
            Map<String, Object> model = new HashMap<>();
            model.put("base", baseUrl());
            model.put("path", "/" + uri.getPath());
            model.put("site", site(site));
            model.put("title", string(pageNode, "title").orElse(string(site, "name").orElse(slug)));
            model.put("components", components(pageNode));
            String template = "home".equals(page) ? "minisite-home" : "minisite-page";
            return answers.ok(request, renderer.render(template, model), HtmlAnswers.HTML, lastModified(pageNode),
                    renderer.page(template).cacheControl());
        } catch (RepositoryException e) {
            throw new RepositoryFailure("Cannot read the mini-site page " + slug + "/" + page + ": " + e.getMessage(), e);
        } finally {
            sessions.release(session);
        }
    }

    private Map<String, Object> site(Node site) throws RepositoryException {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("slug", site.getName());
        model.put("name", string(site, "name").orElse(site.getName()));
        model.put("description", string(site, "description").orElse(""));
        model.put("accent", string(site, "accent").orElse(""));
        List<Map<String, String>> navigation = new ArrayList<>();
        for (String name : strings(site, "navigation")) {
            if (NAME.matcher(name).matches() && site.hasNode(name)) {
                Node page = site.getNode(name);
                navigation.add(Map.of("href", "/sites/" + site.getName() + "/" + ("home".equals(name) ? "" : name),
                        "title", string(page, "title").orElse(name)));
            }
        }
        model.put("navigation", navigation);
        return model;
    }

    /** The components of every area of the page, in order, each as {@code type} and its properties. */
    private static List<Map<String, Object>> components(Node page) throws RepositoryException {
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
                model.put("territories", territories(strings(component, "territories")));
                model.put("themes", strings(component, "themes"));
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

    private static Optional<String> string(Node node, String name) throws RepositoryException {
        if (!node.hasProperty(name)) {
            return Optional.empty();
        }
        Property property = node.getProperty(name);
        return property.isMultiple() ? Optional.empty() : Optional.of(property.getString());
    }

    private static List<String> strings(Node node, String name) throws RepositoryException {
        List<String> values = new ArrayList<>();
        if (node.hasProperty(name)) {
            Property property = node.getProperty(name);
            if (property.isMultiple()) {
                for (Value value : property.getValues()) {
                    values.add(value.getString());
                }
            } else {
                values.add(property.getString());
            }
        }
        return values;
    }

    private static Instant lastModified(Node node) throws RepositoryException {
        return node.hasProperty("mgnl:lastModified") ? node.getProperty("mgnl:lastModified").getDate().toInstant() : null;
    }

    private Response notFound() {
        return HtmlAnswers.status(404, renderer.render("404", Map.of("base", baseUrl(), "path", "/" + uri.getPath())));
    }

    private String baseUrl() {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
