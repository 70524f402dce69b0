package fr.anct.opencollectivites.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;

import org.apache.jackrabbit.api.JackrabbitSession;
import org.apache.jackrabbit.api.security.user.Authorizable;
import org.apache.jackrabbit.api.security.user.Group;
import org.apache.jackrabbit.api.security.user.Query;
import org.apache.jackrabbit.api.security.user.QueryBuilder;
import org.apache.jackrabbit.api.security.user.User;
import org.apache.jackrabbit.api.security.user.UserManager;
import org.apache.jackrabbit.oak.spi.security.principal.EveryonePrincipal;
import org.apache.jackrabbit.oak.spi.security.principal.PrincipalImpl;

/**
 * Users and their roles, kept by the repository's user management (Oak hashes the passwords). Every
 * method runs with the session it is given: called with a user's session, the repository itself refuses
 * the change unless the user holds {@code rep:userManagement} (administrators). None saves.
 */
public final class Accounts {
    static final String EMAIL = "profile/email";
    static final String FULL_NAME = "profile/fullName";
    private static final String LOGIN_PATTERN = "[a-z0-9][a-z0-9._-]{1,63}";

    private final PasswordPolicy policy;
    private final WebSessions webSessions;

    /** Without browser sessions to end (the command line, where no server runs). */
    public Accounts(PasswordPolicy policy) {
        this(policy, null);
    }

    /** @param webSessions the sessions a disabled user loses */
    public Accounts(PasswordPolicy policy, WebSessions webSessions) {
        this.policy = policy;
        this.webSessions = webSessions;
    }

    /** Creates a user; without a password the user cannot sign in until they set one by reset link. */
    public Account create(Session session, String login, char[] password, String email, String fullName,
                          Set<Role> roles, Set<String> teams) throws RepositoryException {
        if (login == null || !login.matches(LOGIN_PATTERN)) {
            throw new AccountException("security.account.badLogin", login);
        }
        if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new AccountException("security.account.badEmail", email);
        }
        if (password != null) {
            checkPassword(login, password);
        }
        UserManager users = users(session);
        Authorizable existing = users.getAuthorizable(login);
        if (existing == null && (EveryonePrincipal.NAME.equals(login) || users.getAuthorizable(new PrincipalImpl(login)) != null)) {
            throw new AccountException("security.account.reserved", login); // a principal of the repository's
        }
        if (existing != null) {
            // the repository's own accounts (admin, anonymous) and the role and team groups are not authors
            boolean author = !existing.isGroup() && existing.hasProperty(EMAIL);
            throw new AccountException(author ? "security.account.exists" : "security.account.reserved", login);
        }
        User user = users.createUser(login, password == null ? null : new String(password));
        user.setProperty(EMAIL, session.getValueFactory().createValue(email));
        if (fullName != null) {
            user.setProperty(FULL_NAME, session.getValueFactory().createValue(fullName));
        }
        setRoles(session, login, roles, teams);
        return find(session, login).orElseThrow();
    }

    /** Replaces the user's roles and teams with the given ones. */
    public void setRoles(Session session, String login, Set<Role> roles, Set<String> teams) throws RepositoryException {
        UserManager users = users(session);
        User user = user(users, login);
        if (login.equals(session.getUserID()) && !roles.contains(Role.ADMINISTRATOR)
                && account(user).roles().contains(Role.ADMINISTRATOR)) {
            throw new AccountException("security.account.notSelf", login); // a lock-out guard, not a boundary
        }
        Set<String> wanted = new TreeSet<>();
        roles.forEach(r -> wanted.add(r.group()));
        teams.forEach(t -> wanted.add(Role.teamGroup(t)));
        for (String groupId : wanted) {
            if (!(users.getAuthorizable(groupId) instanceof Group)) {
                throw new AccountException("security.account.unknownTeam", groupId);
            }
        }
        for (Iterator<Group> it = user.declaredMemberOf(); it.hasNext(); ) {
            Group group = it.next();
            if (isPlatformGroup(group.getID()) && !wanted.contains(group.getID())) {
                group.removeMember(user);
            }
        }
        for (String groupId : wanted) {
            ((Group) users.getAuthorizable(groupId)).addMember(user);
        }
    }

    /**
     * The one way to disable (or enable) an account, for the administration pages and the API: a disabled
     * user's browser sessions end at once (re-enabling revives none), and its API tokens answer 401 for
     * as long as it stays disabled ({@link ApiTokens#owner}; re-enabling makes them work again).
     */
    public void setDisabled(Session session, String login, boolean disabled) throws RepositoryException {
        if (disabled && login.equals(session.getUserID())) {
            throw new AccountException("security.account.notSelf", login);
        }
        user(users(session), login).disable(disabled ? "disabled by an administrator" : null);
        if (disabled && webSessions != null) {
            webSessions.deleteAllOf(login);
        }
    }

    /** Whether a user may act now: a platform user (not the system's own), not disabled. */
    static boolean active(Session system, String userId) throws RepositoryException {
        Authorizable authorizable = users(system).getAuthorizable(userId);
        return authorizable instanceof User user && !user.isDisabled() && !user.isSystemUser() && !user.isAdmin();
    }

    /** Sets a new password after checking the policy (reset, or an administrator's change). */
    public void setPassword(Session session, String login, char[] password) throws RepositoryException {
        checkPassword(login, password);
        user(users(session), login).changePassword(new String(password));
    }

    public void checkPassword(String login, char[] password) {
        policy.problem(login, new String(password)).ifPresent(key -> {
            throw new AccountException(key, PasswordPolicy.MIN_LENGTH);
        });
    }

    public Optional<Account> find(Session session, String login) throws RepositoryException {
        Authorizable authorizable = users(session).getAuthorizable(login);
        return authorizable instanceof User user && !user.isSystemUser() && !user.isAdmin()
                ? Optional.of(account(user)) : Optional.empty();
    }

    /** The user whose e-mail address is this one, if exactly one. */
    public Optional<Account> findByEmail(Session session, String email) throws RepositoryException {
        Iterator<Authorizable> found = users(session).findAuthorizables(EMAIL, email, UserManager.SEARCH_TYPE_USER);
        Optional<Account> first = Optional.empty();
        while (found.hasNext()) {
            if (found.next() instanceof User user && !user.isAdmin()) {
                if (first.isPresent()) {
                    return Optional.empty();
                }
                first = Optional.of(account(user));
            }
        }
        return first;
    }

    public List<Account> list(Session session) throws RepositoryException {
        Iterator<Authorizable> all = users(session).findAuthorizables(new Query() {
            @Override
            public <T> void build(QueryBuilder<T> builder) {
                builder.setSelector(User.class);
                builder.setSortOrder("@rep:authorizableId", QueryBuilder.Direction.ASCENDING);
            }
        });
        List<Account> accounts = new ArrayList<>();
        while (all.hasNext()) {
            if (all.next() instanceof User user && !user.isAdmin() && !user.isSystemUser()
                    && !"anonymous".equals(user.getID())) {
                accounts.add(account(user));
            }
        }
        return accounts;
    }

    private static Account account(User user) throws RepositoryException {
        Set<Role> roles = new TreeSet<>();
        Set<String> teams = new TreeSet<>();
        for (Iterator<Group> it = user.memberOf(); it.hasNext(); ) {
            String id = it.next().getID();
            Role.byGroup(id).ifPresent(roles::add);
            if (id.startsWith(Role.TEAM_PREFIX)) {
                teams.add(id.substring(Role.TEAM_PREFIX.length()));
            }
        }
        return new Account(user.getID(), string(user, EMAIL), string(user, FULL_NAME), roles, teams, user.isDisabled());
    }

    private static String string(Authorizable authorizable, String property) throws RepositoryException {
        Value[] values = authorizable.getProperty(property);
        return values == null || values.length == 0 ? null : values[0].getString();
    }

    private static boolean isPlatformGroup(String groupId) {
        return Role.byGroup(groupId).isPresent() || groupId.startsWith(Role.TEAM_PREFIX);
    }

    private static User user(UserManager users, String login) throws RepositoryException {
        if (users.getAuthorizable(login) instanceof User user && !user.isAdmin()) {
            return user;
        }
        throw new AccountException("security.account.unknown", login);
    }

    static UserManager users(Session session) throws RepositoryException {
        return ((JackrabbitSession) session).getUserManager();
    }

    static Collection<String> roleGroups() {
        List<String> groups = new ArrayList<>();
        for (Role role : Role.values()) {
            groups.add(role.group());
        }
        return groups;
    }
}
