package fr.anct.opencollectivites.operations;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.jcr.ImportUUIDBehavior;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.apache.jackrabbit.api.JackrabbitSession;
import org.apache.jackrabbit.api.security.user.Authorizable;
import org.apache.jackrabbit.api.security.user.Group;
import org.apache.jackrabbit.api.security.user.User;
import org.apache.jackrabbit.api.security.user.UserManager;
import org.apache.jackrabbit.commons.JcrUtils;
import org.apache.jackrabbit.oak.spi.security.principal.EveryonePrincipal;

/**
 * The accounts part of a backup: every user (the system view of its node: the password as the
 * repository's salted hash, never in clear, the profile, whether it is disabled) and every group with its
 * declared members — the roles and the mini-site teams. Not a copy of {@code /home}: the bootstrap of the
 * target already made the role groups and the repository's own accounts (admin, anonymous, system
 * users), which every repository has. A restore makes the accounts before the content, whose
 * access-control entries name the teams.
 */
final class AccountsBackup {
    private AccountsBackup() {
    }

    /**
     * One user, as the JCR system view of its node under {@code parent}: its password hash, profile and
     * disabled state, which the repository's user importer takes as they are (an API call would hash the
     * hash again).
     */
    record UserEntry(String id, String parent, String systemView) {
    }

    record GroupEntry(String id, List<String> members) {
    }

    record Accounts(List<UserEntry> users, List<GroupEntry> groups) {
    }

    static Accounts read(Session session) throws RepositoryException {
        UserManager users = ((JackrabbitSession) session).getUserManager();
        List<UserEntry> userEntries = new ArrayList<>();
        List<GroupEntry> groupEntries = new ArrayList<>();
        for (Iterator<Authorizable> it = users.findAuthorizables("rep:principalName", null, UserManager.SEARCH_TYPE_AUTHORIZABLE);
             it.hasNext(); ) {
            Authorizable authorizable = it.next();
            if (authorizable instanceof User user && isPlatformUser(user)) {
                ByteArrayOutputStream view = new ByteArrayOutputStream();
                try {
                    session.exportSystemView(user.getPath(), view, false, false);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                String path = user.getPath();
                userEntries.add(new UserEntry(user.getID(), path.substring(0, path.lastIndexOf('/')),
                        view.toString(StandardCharsets.UTF_8)));
            } else if (authorizable instanceof Group group && !EveryonePrincipal.NAME.equals(group.getID())) {
                List<String> members = new ArrayList<>();
                for (Iterator<Authorizable> m = group.getDeclaredMembers(); m.hasNext(); ) {
                    members.add(m.next().getID());
                }
                members.sort(null);
                groupEntries.add(new GroupEntry(group.getID(), members));
            }
        }
        userEntries.sort((a, b) -> a.id().compareTo(b.id()));
        groupEntries.sort((a, b) -> a.id().compareTo(b.id()));
        return new Accounts(userEntries, groupEntries);
    }

    /** The platform's users, not the repository's own. */
    static boolean isPlatformUser(User user) throws RepositoryException {
        return !user.isAdmin() && !user.isSystemUser() && !"anonymous".equals(user.getID());
    }

    /** Whether the repository holds accounts of its users already (a restore goes into an empty one). */
    static boolean holdsAccounts(Session session) throws RepositoryException {
        UserManager users = ((JackrabbitSession) session).getUserManager();
        for (Iterator<Authorizable> it = users.findAuthorizables("rep:principalName", null, UserManager.SEARCH_TYPE_USER);
             it.hasNext(); ) {
            if (it.next() instanceof User user && isPlatformUser(user)) {
                return true;
            }
        }
        return false;
    }

    /** Imports the users, then creates the groups (those the bootstrap made are reused) with their members; saves nothing. */
    static void write(Session session, Accounts accounts) throws RepositoryException {
        UserManager users = ((JackrabbitSession) session).getUserManager();
        for (UserEntry entry : accounts.users()) {
            JcrUtils.getOrCreateByPath(entry.parent(), "rep:AuthorizableFolder", session);
            try {
                session.importXML(entry.parent(), new ByteArrayInputStream(entry.systemView().getBytes(StandardCharsets.UTF_8)),
                        ImportUUIDBehavior.IMPORT_UUID_COLLISION_THROW);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (GroupEntry entry : accounts.groups()) {
            Group group = users.getAuthorizable(entry.id()) instanceof Group existing ? existing : users.createGroup(entry.id());
            for (String member : entry.members()) {
                Authorizable authorizable = users.getAuthorizable(member);
                if (authorizable == null) {
                    authorizable = users.createGroup(member); // a nested group listed later
                }
                group.addMember(authorizable);
            }
        }
    }
}
