package fr.anct.opencollectivites.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.apache.jackrabbit.api.JackrabbitSession;
import org.apache.jackrabbit.api.security.user.UserManager;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.publishing.DraftException;
import fr.anct.opencollectivites.repository.Workspaces;
import fr.anct.opencollectivites.security.AccessPolicies;
import fr.anct.opencollectivites.security.Role;
import fr.anct.opencollectivites.security.SecurityPaths;

/**
 * Mini-sites: an administrator creates one (name, slug) and with it its team group
 * {@code oc-team-<slug>} and the team's access-control entries; the mini-site node
 * ({@code oc:minisite}) exists as a draft and live at once (it is the root the team's pages hang
 * under). Runs in the caller's session: creating groups and entries needs {@code rep:userManagement}
 * and {@code jcr:modifyAccessControl}, which only administrators hold.
 */
public final class MiniSites {
    public static final String SLUG_PATTERN = "[a-z0-9][a-z0-9-]{1,49}";
    private final ContentTypeRegistry types;
    private final ContentWriter writer = new ContentWriter();

    public MiniSites(ContentTypeRegistry types) {
        this.types = types;
    }

    public record MiniSite(String slug, String name, String teamGroup) {
    }

    public MiniSite create(Session session, String slug, String name) throws RepositoryException {
        if (slug == null || !slug.matches(SLUG_PATTERN)) {
            throw new DraftException(DraftException.Reason.INVALID, "authoring.minisite.badSlug", slug);
        }
        String site = SecurityPaths.siteRelativePath(slug);
        String draftPath = Workspaces.draftPath(Workspaces.WEBSITE, site);
        if (session.nodeExists(draftPath)) {
            throw new DraftException(DraftException.Reason.CONFLICT, "authoring.error.exists", slug);
        }
        UserManager users = ((JackrabbitSession) session).getUserManager();
        String group = Role.teamGroup(slug);
        if (users.getAuthorizable(group) == null) {
            users.createGroup(group);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("slug", slug);
        values.put("teamGroup", group);
        writer.upsert(session, draftPath, types.require("minisite"), values);
        writer.upsert(session, Workspaces.livePath(Workspaces.WEBSITE, site), types.require("minisite"), values);
        AccessPolicies.grantTeam(session, slug);
        session.save();
        return new MiniSite(slug, name, group);
    }

    /** The mini-sites the session can see (live). */
    public List<MiniSite> list(Session session) throws RepositoryException {
        List<MiniSite> sites = new ArrayList<>();
        String root = Workspaces.livePath(Workspaces.WEBSITE, SecurityPaths.SITES);
        if (!session.nodeExists(root)) {
            return sites;
        }
        for (NodeIterator it = session.getNode(root).getNodes(); it.hasNext(); ) {
            Node site = it.nextNode();
            if (site.isNodeType("oc:minisite")) {
                sites.add(new MiniSite(site.getName(), site.getProperty("name").getString(),
                        site.getProperty("teamGroup").getString()));
            }
        }
        return sites;
    }
}
