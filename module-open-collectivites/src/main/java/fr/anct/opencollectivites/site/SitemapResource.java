package fr.anct.opencollectivites.site;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import fr.anct.opencollectivites.repository.SessionProvider;
import fr.anct.opencollectivites.repository.RepositoryFailure;
import fr.anct.opencollectivites.repository.Workspaces;
import fr.anct.opencollectivites.search.Slugs;

/**
 * {@code /robots.txt}, {@code /sitemap.xml} (a sitemap index) and one sitemap per level, communes
 * split by département ({@code /sitemaps/communes-42.xml}): 35,000 communes stay far below the
 * protocol's 50,000 URLs per file, and a change in one département rewrites one small file.
 */
@Path("/")
public final class SitemapResource {
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String CACHE = "public, max-age=3600";
    private static final List<String> EDITORIAL = List.of("/", "/publications", "/comparer", "/plan-du-site", "/mentions-legales",
            "/accessibilite");
    private static final String ROOT = Workspaces.liveRoot(Workspaces.COLLECTIVITES);

    private final SessionProvider sessions;
    @Context
    private UriInfo uri;

    public SitemapResource(SessionProvider sessions) {
        this.sessions = sessions;
    }

    @GET
    @Path("robots.txt")
    @Produces("text/plain; charset=UTF-8")
    public Response robots() {
        String body = "User-agent: *\nAllow: /\nDisallow: /recherche\nDisallow: /comparer\nDisallow: /.rest/\n"
                + "Sitemap: " + base() + "/sitemap.xml\n";
        return Response.ok(body).header("Cache-Control", CACHE).build();
    }

    @GET
    @Path("sitemap.xml")
    @Produces("application/xml; charset=UTF-8")
    public Response index() {
        List<String> files = new ArrayList<>(List.of("pages", "regions", "departements", "epci"));
        withSession(session -> {
            String communes = ROOT + "/communes";
            if (session.nodeExists(communes)) {
                for (NodeIterator buckets = session.getNode(communes).getNodes(); buckets.hasNext(); ) {
                    files.add("communes-" + buckets.nextNode().getName());
                }
            }
            return null;
        });
        return xml(out -> {
            out.writeStartElement("sitemapindex");
            out.writeDefaultNamespace(NS);
            for (String file : files) {
                out.writeStartElement("sitemap");
                element(out, "loc", base() + "/sitemaps/" + file + ".xml");
                out.writeEndElement();
            }
            out.writeEndElement();
        });
    }

    @GET
    @Path("sitemaps/{name: [a-z0-9AB-]+}.xml")
    @Produces("application/xml; charset=UTF-8")
    public Response sitemap(@PathParam("name") String name) {
        List<String> paths = new ArrayList<>();
        if (name.equals("pages")) {
            paths.addAll(EDITORIAL);
        } else {
            String folder;
            String section;
            if (name.startsWith("communes-")) {
                folder = ROOT + "/communes/" + name.substring("communes-".length());
                section = "communes";
            } else if (List.of("regions", "departements", "epci").contains(name)) {
                folder = ROOT + "/" + name;
                section = name;
            } else {
                throw new NotFoundException();
            }
            boolean exists = withSession(session -> {
                if (!session.nodeExists(folder)) {
                    return false;
                }
                for (NodeIterator nodes = session.getNode(folder).getNodes(); nodes.hasNext(); ) {
                    Node node = nodes.nextNode();
                    if (node.hasProperty("nom")) {
                        paths.add(Slugs.pagePath(section, node.getName(), node.getProperty("nom").getString()));
                    }
                }
                return true;
            });
            if (!exists) {
                throw new NotFoundException();
            }
        }
        return xml(out -> {
            out.writeStartElement("urlset");
            out.writeDefaultNamespace(NS);
            for (String path : paths) {
                out.writeStartElement("url");
                element(out, "loc", base() + path);
                out.writeEndElement();
            }
            out.writeEndElement();
        });
    }

    private interface XmlBody {
        void write(XMLStreamWriter out) throws XMLStreamException;
    }

    private interface SessionRead<T> {
        T read(Session session) throws RepositoryException;
    }

    private <T> T withSession(SessionRead<T> work) {
        Session session = sessions.open(null);
        try {
            return work.read(session);
        } catch (RepositoryException e) {
            throw new RepositoryFailure("Cannot read the sitemap: " + e.getMessage(), e);
        } finally {
            sessions.release(session);
        }
    }

    private static Response xml(XmlBody body) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter out = XMLOutputFactory.newInstance().createXMLStreamWriter(text);
            out.writeStartDocument("UTF-8", "1.0");
            body.write(out);
            out.writeEndDocument();
            out.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return Response.ok(text.toString()).header("Cache-Control", CACHE).build();
    }

    private static void element(XMLStreamWriter out, String name, String text) throws XMLStreamException {
        out.writeStartElement(name);
        out.writeCharacters(text);
        out.writeEndElement();
    }

    private String base() {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
