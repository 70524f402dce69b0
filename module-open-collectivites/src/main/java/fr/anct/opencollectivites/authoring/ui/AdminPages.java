package fr.anct.opencollectivites.authoring.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.jcr.AccessDeniedException;
import javax.jcr.PathNotFoundException;
import javax.jcr.Session;
import javax.jcr.security.AccessControlManager;
import javax.jcr.security.Privilege;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import fr.anct.opencollectivites.authoring.AuthoringFeature;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.security.AccessRefusedException;
import fr.anct.opencollectivites.security.Account;
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
    private final UiSessions sessions;
    private final AuthoringFeature authoring;
    private final OakRepository repository;

    AdminPages(UiPages pages, UiSessions sessions, AuthoringFeature authoring, OakRepository repository) {
        this.pages = pages;
        this.sessions = sessions;
        this.authoring = authoring;
        this.repository = repository;
    }

    UiPages pages() {
        return pages;
    }

    Messages messages() {
        return pages.renderer().messages();
    }

    AuthoringFeature authoring() {
        return authoring;
    }

    OakRepository repository() {
        return repository;
    }

    Optional<WebSessions.WebSession> session(HttpHeaders headers) {
        return sessions.of(headers);
    }

    /** Signed in and an administrator in the repository's eyes; else the redirect or the 403 page. */
    Gate administrator(HttpHeaders headers, UriInfo uri) {
        Optional<WebSessions.WebSession> session = sessions.of(headers);
        if (session.isEmpty()) {
            return new Gate(null, UiPages.seeOther(UiPages.LOGIN));
        }
        boolean administrator;
        try {
            administrator = isAdministrator(session.get().userId());
        } catch (UserSessions.UnknownUserException e) {
            // disabled or deleted since signing in
            return new Gate(null, UiPages.seeOther(UiPages.LOGIN));
        }
        if (!administrator) {
            return new Gate(session.get(), forbidden(uri, session.get(), "authoring.ui.admin.forbidden"));
        }
        return new Gate(session.get(), null);
    }

    /** Same gate for a form post (its CSRF token was checked by {@link AuthorPageFilter}). */
    Gate administratorPost(HttpHeaders headers, UriInfo uri, String csrf) {
        return administrator(headers, uri);
    }

    /** Any signed-in author (the pages of one's own account); else the redirect to the login form. */
    Gate signedIn(HttpHeaders headers) {
        Optional<WebSessions.WebSession> session = sessions.of(headers);
        return session.isEmpty() ? new Gate(null, UiPages.seeOther(UiPages.LOGIN)) : new Gate(session.get(), null);
    }

    boolean isAdministrator(String userId) {
        return authoring.userSessions.as(userId, AdminPages::mayManageUsers);
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
        return repository.withSystemSession(s -> authoring.accounts.find(s, userId)).map(Account::roles).orElse(Set.of());
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

    /** A refusal of the repository's access control, however it surfaced ({@link AccessRefusedException#isRefusal}). */
    static boolean deniedByRepository(Throwable e) {
        return AccessRefusedException.isRefusal(e);
    }
}
