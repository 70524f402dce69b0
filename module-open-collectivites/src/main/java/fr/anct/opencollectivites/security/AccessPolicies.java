package fr.anct.opencollectivites.security;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.security.AccessControlEntry;
import javax.jcr.security.AccessControlManager;
import javax.jcr.security.Privilege;

import org.apache.jackrabbit.api.JackrabbitSession;
import org.apache.jackrabbit.api.security.JackrabbitAccessControlEntry;
import org.apache.jackrabbit.api.security.JackrabbitAccessControlList;
import org.apache.jackrabbit.api.security.user.Authorizable;
import org.apache.jackrabbit.api.security.user.Group;
import org.apache.jackrabbit.api.security.user.UserManager;
import org.apache.jackrabbit.commons.JcrUtils;
import org.apache.jackrabbit.commons.jackrabbit.authorization.AccessControlUtils;
import org.apache.jackrabbit.oak.spi.security.principal.PrincipalImpl;
import org.apache.jackrabbit.oak.spi.security.privilege.PrivilegeConstants;

import fr.anct.opencollectivites.repository.Workspaces;

/**
 * The role groups and their access-control entries: what each role may do is decided by the
 * repository, not by the HTTP layer. Installed on every start (compare before write); a mini-site's
 * team gets its entries when the mini-site is created ({@link #grantTeam}).
 *
 * <pre>
 * path                                   admin  editor      publisher        reviewer  team(own)
 * /                                      all    -           -                -         -
 * /oc:authoring (every draft)            all    read        read             read      -
 * /oc:authoring/website, /publications   all    read,write  read, modify     read      -
 * /oc:authoring/website/sites            all    read (write denied)  read, modify  read  own: read,write
 * /website, /publications (live)         all    (read)      write            (read)    own site: write
 * /collectivites (référentiel, live)     all    (read)      (read)           (read)    (read)
 * /oc:publishing (versions, schedules)   all    read        read,write       read      own site: read,write
 * /oc:assets (everyone reads)            all    editorial   editorial        (read)    sites/own: write
 * </pre>
 * Everyone reads live content (RepositoryBootstrap). User management needs {@code rep:userManagement},
 * which only administrators hold (through {@code jcr:all} on the root).
 */
public final class AccessPolicies {
    private static final String[] READ = {Privilege.JCR_READ};
    private static final String[] WRITE = {Privilege.JCR_READ, PrivilegeConstants.REP_WRITE};
    private static final String[] MODIFY = {Privilege.JCR_READ, Privilege.JCR_MODIFY_PROPERTIES};
    private static final String[] ALL = {Privilege.JCR_ALL};

    private AccessPolicies() {
    }

    /** Creates the role groups, the folders the policies hang on, and the entries; saves nothing. */
    /** The folders the bootstrap creates for authoring (containers: a backup holds their children, not them). */
    public static final List<String> FOLDERS = List.of(
            Workspaces.draftRoot(Workspaces.WEBSITE) + SecurityPaths.SITES, Workspaces.draftRoot(Workspaces.WEBSITE) + SecurityPaths.PAGES,
            Workspaces.liveRoot(Workspaces.WEBSITE) + SecurityPaths.SITES,
            Workspaces.liveRoot(Workspaces.WEBSITE) + SecurityPaths.PAGES,
            SecurityPaths.PUBLISHING_ROOT + "/" + Workspaces.WEBSITE + SecurityPaths.SITES,
            SecurityPaths.PUBLISHING_ROOT + "/" + Workspaces.PUBLICATIONS,
            SecurityPaths.SECURITY_ROOT, SecurityPaths.AUDIT_ROOT,
            SecurityPaths.ASSETS_ROOT + "/editorial", SecurityPaths.ASSETS_ROOT + SecurityPaths.SITES);

    public static void install(Session session) throws RepositoryException {
        UserManager users = ((JackrabbitSession) session).getUserManager();
        for (Role role : Role.values()) {
            if (users.getAuthorizable(role.group()) == null) {
                users.createGroup(role.group());
            }
        }
        String authoringWebsite = Workspaces.draftRoot(Workspaces.WEBSITE);
        String authoringPublications = Workspaces.draftRoot(Workspaces.PUBLICATIONS);
        for (String path : FOLDERS) {
            JcrUtils.getOrCreateByPath(path, "mgnl:folder", session);
        }
        Principal admins = group(Role.ADMINISTRATOR);
        Principal editors = group(Role.EDITOR);
        Principal publishers = group(Role.PUBLISHER);
        Principal reviewers = group(Role.REVIEWER);

        allow(session, "/", admins, ALL);
        for (Principal reader : new Principal[] {editors, reviewers, publishers}) {
            allow(session, Workspaces.AUTHORING_ROOT, reader, READ);
            allow(session, SecurityPaths.PUBLISHING_ROOT, reader, READ);
        }
        allow(session, authoringWebsite, publishers, MODIFY);
        allow(session, authoringPublications, publishers, MODIFY);
        allow(session, authoringWebsite, editors, WRITE);
        allow(session, authoringPublications, editors, WRITE);
        deny(session, authoringWebsite + SecurityPaths.SITES, editors, PrivilegeConstants.REP_WRITE);
        allow(session, Workspaces.liveRoot(Workspaces.WEBSITE), publishers, WRITE);
        allow(session, Workspaces.liveRoot(Workspaces.PUBLICATIONS), publishers, WRITE);
        allow(session, SecurityPaths.PUBLISHING_ROOT, publishers, WRITE);
        allow(session, SecurityPaths.ASSETS_ROOT, org.apache.jackrabbit.oak.spi.security.principal.EveryonePrincipal.getInstance(), READ);
        allow(session, SecurityPaths.ASSETS_ROOT + "/editorial", editors, WRITE);
        allow(session, SecurityPaths.ASSETS_ROOT + "/editorial", publishers, WRITE);
    }

    /** The program team of a mini-site: read and write its drafts, live pages and publication records. */
    public static void grantTeam(Session session, String slug) throws RepositoryException {
        Principal team = new PrincipalImpl(Role.teamGroup(slug));
        String site = SecurityPaths.siteRelativePath(slug);
        for (String path : new String[] {
                Workspaces.draftPath(Workspaces.WEBSITE, site),
                Workspaces.livePath(Workspaces.WEBSITE, site),
                SecurityPaths.publishingPath(Workspaces.WEBSITE, site),
                SecurityPaths.ASSETS_ROOT + site}) {
            JcrUtils.getOrCreateByPath(path, "mgnl:folder", session);
            allow(session, path, team, WRITE);
        }
    }

    private static Principal group(Role role) {
        return new PrincipalImpl(role.group());
    }

    private static void allow(Session session, String path, Principal principal, String... privileges)
            throws RepositoryException {
        entry(session, path, principal, true, privileges);
    }

    private static void deny(Session session, String path, Principal principal, String... privileges)
            throws RepositoryException {
        entry(session, path, principal, false, privileges);
    }

    /** Adds the entry unless the list already holds it, so that a restart writes nothing. */
    private static void entry(Session session, String path, Principal principal, boolean allow, String... privileges)
            throws RepositoryException {
        AccessControlManager manager = session.getAccessControlManager();
        JackrabbitAccessControlList acl = AccessControlUtils.getAccessControlList(manager, path);
        Set<String> wanted = new TreeSet<>();
        for (String name : privileges) {
            wanted.add(manager.privilegeFromName(name).getName());
        }
        for (AccessControlEntry existing : acl.getAccessControlEntries()) {
            if (existing.getPrincipal().getName().equals(principal.getName())
                    && ((JackrabbitAccessControlEntry) existing).isAllow() == allow) {
                Set<String> held = new TreeSet<>();
                Arrays.stream(existing.getPrivileges()).forEach(p -> held.add(p.getName()));
                if (held.containsAll(wanted)) {
                    return;
                }
            }
        }
        Privilege[] granted = wanted.stream().map(name -> privilege(manager, name)).toArray(Privilege[]::new);
        acl.addEntry(principal, granted, allow);
        manager.setPolicy(path, acl);
    }

    private static Privilege privilege(AccessControlManager manager, String name) {
        try {
            return manager.privilegeFromName(name);
        } catch (RepositoryException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a group exists; used to refuse a mini-site team that does not. */
    static boolean isGroup(Authorizable authorizable) {
        return authorizable instanceof Group;
    }
}
