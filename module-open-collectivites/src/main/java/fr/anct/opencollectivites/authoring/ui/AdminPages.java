package fr.anct.opencollectivites.authoring.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import javax.jcr.AccessDeniedException;
import javax.jcr.PathNotFoundException;
import javax.jcr.Session;
import javax.jcr.security.AccessControlManager;
import javax.jcr.security.Privilege;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.security.Account;
import fr.anct.opencollectivites.security.Accounts;
import fr.anct.opencollectivites.security.Role;
import fr.anct.opencollectivites.security.UserSessions;
import fr.anct.opencollectivites.security.WebSessions;

/**
 * What the administration pages share: the signed-in author, whether the repository grants them user
 * management (administrators alone hold {@code rep:userManagement}), the 403 page and the common model.
 */
final class AdminPages {
    /** A signed-in author, or the answer to give instead (303 to the login form, 403). */
    record Gate(WebSessions.WebSession session, Response refusal) {
        boolean refused() {
            return refusal != null;
        }
    }

    private final UiPages pages;
    private final UserSessions userSessions;
    private final Accounts accounts;
    private final OakRepository repository;

    AdminPages(UiPages pages, UserSessions userSessions, Accounts accounts, OakRepository repository) {
        this.pages = pages;
        this.userSessions = userSessions;
        this.accounts = accounts;
        this.repository = repository;
    }

    UiPages pages() {
        return pages;
    }

    Messages messages() {
        return pages.renderer().messages();
    }

    /**
     * The author ({@link AuthorPageFilter} found their session) if an administrator in the repository's eyes;
     * else the 403 page, or the login form for an account disabled or deleted since signing in.
     */
    Gate administrator(SecurityContext security, UriInfo uri) {
        WebSessions.WebSession session = Author.of(security).session();
        boolean administrator;
        try {
            administrator = isAdministrator(session.userId());
        } catch (UserSessions.UnknownUserException e) {
            return new Gate(null, UiPages.seeOther(UiPages.LOGIN));
        }
        if (!administrator) {
            return new Gate(session, forbidden(uri, session, "authoring.ui.admin.forbidden"));
        }
        return new Gate(session, null);
    }

    /** Any signed-in author (the pages of one's own account). */
    Gate signedIn(SecurityContext security) {
        return new Gate(Author.of(security).session(), null);
    }

    boolean isAdministrator(String userId) {
        return userSessions.as(userId, AdminPages::mayManageUsers);
    }

    /** The repository decides: user management is granted to administrators only. */
    static boolean mayManageUsers(Session session) throws javax.jcr.RepositoryException {
        AccessControlManager acm = session.getAccessControlManager();
        try {
            return acm.hasPrivileges("/", new Privilege[] {acm.privilegeFromName("rep:userManagement")});
        } catch (PathNotFoundException | AccessDeniedException e) {
            return false;
        }
    }

    Set<Role> roles(String userId) {
        return repository.withSystemSession(s -> accounts.find(s, userId)).map(Account::roles).orElse(Set.of());
    }

    Response forbidden(UriInfo uri, WebSessions.WebSession session, String messageKey) {
        Map<String, Object> model = new HashMap<>();
        model.put("user", session.userId());
        model.put("csrf", session.csrfToken());
        model.put("message", messages().get(messageKey));
        return pages.render(403, "authoring-forbidden", uri, model);
    }

    /** An administration page: the author, the CSRF token and the current section of the menu. */
    Response render(int status, String page, String section, UriInfo uri, WebSessions.WebSession session,
                    Map<String, Object> model) {
        Map<String, Object> data = new HashMap<>(model);
        data.put("user", session.userId());
        data.put("csrf", session.csrfToken());
        data.put("section", section);
        return pages.render(status, page, uri, data);
    }
}
