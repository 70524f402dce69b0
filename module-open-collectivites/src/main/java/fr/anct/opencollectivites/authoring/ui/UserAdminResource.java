package fr.anct.opencollectivites.authoring.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import fr.anct.opencollectivites.pages.MiniSites;
import fr.anct.opencollectivites.security.Account;
import fr.anct.opencollectivites.security.AccountException;
import fr.anct.opencollectivites.security.Accounts;
import fr.anct.opencollectivites.security.AuditLog;
import fr.anct.opencollectivites.security.PasswordResets;
import fr.anct.opencollectivites.security.Role;
import fr.anct.opencollectivites.security.UserSessions;
import fr.anct.opencollectivites.security.WebSessions;

/**
 * {@code /auteur/admin/utilisateurs}: the users (list, creation with roles and teams, an invitation by
 * mail when no password is given) and {@code …/{login}}: roles and teams, disable or enable, a reset link
 * by mail. Every change runs in the administrator's own repository session: the repository refuses
 * user management to anyone else.
 */
@AuthorPage
@RefusalMessage("authoring.ui.admin.forbidden")
@Path("auteur/admin/utilisateurs")
public final class UserAdminResource {
    private static final String SECTION = "utilisateurs";
    private final AdminPages admin;
    private final UserSessions userSessions;
    private final Accounts accounts;
    private final WebSessions webSessions;
    private final PasswordResets resets;
    private final MiniSites miniSites;
    private final AuditLog audit;
    @Context
    private UriInfo uri;
    @Context
    private SecurityContext security;

    UserAdminResource(AdminPages admin, UserSessions userSessions, Accounts accounts, WebSessions webSessions,
                      PasswordResets resets, MiniSites miniSites, AuditLog audit) {
        this.admin = admin;
        this.userSessions = userSessions;
        this.accounts = accounts;
        this.webSessions = webSessions;
        this.resets = resets;
        this.miniSites = miniSites;
        this.audit = audit;
    }

    /** A user as listed. */
    public record UserRow(String login, String fullName, String email, String roles, String teams, boolean disabled,
                          String url) {
    }

    /** A checkbox of the role and team choices. */
    public record Choice(String value, String label, boolean checked) {
    }

    @GET
    public Response list() {
        AdminPages.Gate gate = admin.administrator(security, uri);
        return gate.refused() ? gate.refusal() : listPage(gate.session(), new MultivaluedHashMap<>(), Map.of(), null, 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        AdminPages.Gate gate = admin.administrator(security, uri);
        if (gate.refused()) {
            return gate.refusal();
        }
        String who = gate.session().userId();
        String login = text(form, "identifiant").toLowerCase(Locale.ROOT);
        String password = Optional.ofNullable(form.getFirst("motdepasse")).orElse("");
        Set<Role> roles = roles(form);
        Set<String> teams = teams(form);
        Account created;
        try {
            created = userSessions.as(who, s -> {
                Account account = accounts.create(s, login,
                        password.isEmpty() ? null : password.toCharArray(), text(form, "courriel"),
                        text(form, "nom").isEmpty() ? null : text(form, "nom"), roles, teams);
                s.save();
                return account;
            });
        } catch (AccountException e) {
            return listPage(gate.session(), form, Map.of(field(e.key()), admin.messages().get(e.key(), e.args())),
                    "authoring.ui.admin.users.notCreated", 400);
        }
        audit.record(who, "user.create", login, String.valueOf(created.roles()));
        if (password.isEmpty()) {
            resets.request(login);
        }
        return UiPages.seeOther("/auteur/admin/utilisateurs/" + login + "?fait=" + (password.isEmpty() ? "invite" : "cree"));
    }

    @GET
    @Path("{login}")
    public Response user(@PathParam("login") String login) {
        AdminPages.Gate gate = admin.administrator(security, uri);
        if (gate.refused()) {
            return gate.refusal();
        }
        String done = uri.getQueryParameters().getFirst("fait");
        String success = done != null && done.matches("[a-z]{1,20}") ? "authoring.ui.admin.user.done." + done : null;
        return userPage(gate.session(), login, null, success, 200);
    }

    @POST
    @Path("{login}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("login") String login, MultivaluedMap<String, String> form) {
        AdminPages.Gate gate = admin.administrator(security, uri);
        if (gate.refused()) {
            return gate.refusal();
        }
        String who = gate.session().userId();
        String action = text(form, "action");
        boolean self = who.equals(login);
        if (self && ("desactiver".equals(action) || ("roles".equals(action) && !roles(form).contains(Role.ADMINISTRATOR)))) {
            return userPage(gate.session(), login, "authoring.ui.admin.user.notSelf", null, 400);
        }
        try {
            Optional<Account> account = userSessions.as(who, s -> {
                if (accounts.find(s, login).isEmpty()) {
                    return Optional.<Account>empty();
                }
                switch (action) {
                    case "roles" -> accounts.setRoles(s, login, roles(form), teams(form));
                    case "desactiver" -> accounts.setDisabled(s, login, true);
                    case "activer" -> accounts.setDisabled(s, login, false);
                    case "reinitialiser" -> { }
                    default -> {
                        return Optional.<Account>empty();
                    }
                }
                s.save();
                return accounts.find(s, login);
            });
            if (account.isEmpty()) {
                return admin.pages().render(404, "404", uri, Map.of());
            }
            switch (action) {
                case "roles" -> audit.record(who, "user.update", login, String.valueOf(account.get().roles()));
                case "desactiver" -> audit.record(who, "user.update", login, "disabled"); // Accounts ended the sessions
                case "activer" -> audit.record(who, "user.update", login, "enabled");
                default -> {
                    resets.request(login);
                    audit.record(who, "user.reset", login, null);
                }
            }
        } catch (AccountException e) {
            return userPage(gate.session(), login, null, null, 400, admin.messages().get(e.key(), e.args()));
        }
        return UiPages.seeOther("/auteur/admin/utilisateurs/" + login + "?fait=" + action);
    }

    private Response listPage(WebSessions.WebSession session, MultivaluedMap<String, String> form,
                              Map<String, String> errors, String errorKey, int status) {
        Map<String, Object> model = new HashMap<>();
        userSessions.as(session.userId(), s -> {
            List<UserRow> rows = new ArrayList<>();
            for (Account account : accounts.list(s)) {
                rows.add(new UserRow(account.login(), nullToEmpty(account.fullName()), nullToEmpty(account.email()),
                        roleLabels(account.roles()), String.join(", ", account.teams()), account.disabled(),
                        "/auteur/admin/utilisateurs/" + account.login()));
            }
            model.put("users", rows);
            model.put("teams", teamChoices(miniSites.list(s), teams(form)));
            return null;
        });
        model.put("roles", roleChoices(roles(form)));
        Map<String, String> values = new HashMap<>();
        for (String name : List.of("identifiant", "nom", "courriel")) {
            values.put(name, text(form, name));
        }
        model.put("values", values);
        model.put("errors", errors);
        if (errorKey != null) {
            model.put("error", admin.messages().get(errorKey));
        }
        model.put("title", admin.messages().get("authoring.ui.admin.users.title"));
        return admin.render(status, "authoring-admin-users", SECTION, uri, session, model);
    }

    private Response userPage(WebSessions.WebSession session, String login, String errorKey, String successKey,
                              int status, String... errorText) {
        Map<String, Object> model = new HashMap<>();
        boolean found = userSessions.as(session.userId(), s -> {
            Optional<Account> account = accounts.find(s, login);
            if (account.isEmpty()) {
                return false;
            }
            Account a = account.get();
            model.put("account", new UserRow(a.login(), nullToEmpty(a.fullName()), nullToEmpty(a.email()),
                    roleLabels(a.roles()), String.join(", ", a.teams()), a.disabled(), "/auteur/admin/utilisateurs/" + a.login()));
            model.put("roles", roleChoices(a.roles()));
            model.put("teams", teamChoices(miniSites.list(s), a.teams()));
            return true;
        });
        if (!found) {
            return admin.pages().render(404, "404", uri, Map.of());
        }
        if (errorKey != null) {
            model.put("error", admin.messages().get(errorKey));
        } else if (errorText.length > 0) {
            model.put("error", errorText[0]);
        }
        if (successKey != null) {
            String text = admin.messages().get(successKey);
            if (!text.equals(successKey)) {
                model.put("success", text);
            }
        }
        model.put("action", "/auteur/admin/utilisateurs/" + login);
        model.put("self", session.userId().equals(login));
        model.put("title", admin.messages().get("authoring.ui.admin.user.title", login));
        return admin.render(status, "authoring-admin-user", SECTION, uri, session, model);
    }

    private List<Choice> roleChoices(Set<Role> checked) {
        List<Choice> choices = new ArrayList<>();
        for (Role role : Role.values()) {
            String value = role.name().toLowerCase(Locale.ROOT);
            choices.add(new Choice(value, admin.messages().get("authoring.ui.admin.role." + value), checked.contains(role)));
        }
        return choices;
    }

    private static List<Choice> teamChoices(List<MiniSites.MiniSite> sites, Set<String> checked) {
        List<Choice> choices = new ArrayList<>();
        for (MiniSites.MiniSite site : sites) {
            choices.add(new Choice(site.slug(), site.name() + " (" + site.teamGroup() + ")", checked.contains(site.slug())));
        }
        return choices;
    }

    private String roleLabels(Set<Role> roles) {
        List<String> labels = new ArrayList<>();
        for (Role role : roles) {
            labels.add(admin.messages().get("authoring.ui.admin.role." + role.name().toLowerCase(Locale.ROOT)));
        }
        return String.join(", ", labels);
    }

    private static Set<Role> roles(MultivaluedMap<String, String> form) {
        Set<Role> roles = new LinkedHashSet<>();
        for (String value : form.getOrDefault("role", List.of())) {
            Role.byName(value).ifPresent(roles::add);
        }
        return roles;
    }

    private static Set<String> teams(MultivaluedMap<String, String> form) {
        Set<String> teams = new LinkedHashSet<>();
        for (String value : form.getOrDefault("equipe", List.of())) {
            if (value.matches(MiniSites.SLUG_PATTERN)) {
                teams.add(value);
            }
        }
        return teams;
    }

    /** The form field an account refusal is about. */
    private static String field(String key) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("security.account.badLogin", "identifiant");
        fields.put("security.account.exists", "identifiant");
        fields.put("security.account.reserved", "identifiant");
        fields.put("security.account.badEmail", "courriel");
        return key.startsWith("security.password.") ? "motdepasse" : fields.getOrDefault(key, "general");
    }

    private static String text(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
