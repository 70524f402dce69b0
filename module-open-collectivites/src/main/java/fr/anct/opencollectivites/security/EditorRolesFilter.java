package fr.anct.opencollectivites.security;

import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.SecurityContext;

import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.web.Caller;

/**
 * The editors' routes outside the authoring API ({@code /.rest/open-collectivites/v1/editor/…}, e.g. the
 * broken links) check roles with the standard {@link SecurityContext}: after {@link AuthoringFilter} has
 * established the caller (session cookie or API token), this filter gives the request a security context
 * whose roles are the caller's current ones ({@code editor}, {@code administrator}…, read from the
 * repository's groups). Without a caller the request stays anonymous (403 there).
 */
@PreMatching
@Priority(6000) // after AuthoringFilter
public final class EditorRolesFilter implements ContainerRequestFilter {
    static final String PREFIX = ".rest/open-collectivites/v1/editor/";
    private final OakRepository repository;
    private final Accounts accounts;

    public EditorRolesFilter(OakRepository repository, Accounts accounts) {
        this.repository = repository;
        this.accounts = accounts;
    }

    static boolean covers(String path) {
        return path.startsWith(PREFIX) || path.startsWith("/" + PREFIX);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!covers(request.getUriInfo().getPath())) {
            return;
        }
        Caller.optional(request).ifPresent(caller -> {
            Set<String> roles = repository.withSystemSession(session -> accounts.find(session, caller.userId()))
                    .map(account -> account.roles().stream().map(r -> r.name().toLowerCase(java.util.Locale.ROOT))
                            .collect(Collectors.toSet()))
                    .orElse(Set.of());
            boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
            request.setSecurityContext(new SecurityContext() {
                @Override
                public Principal getUserPrincipal() {
                    return caller::userId;
                }

                @Override
                public boolean isUserInRole(String role) {
                    return roles.contains(role);
                }

                @Override
                public boolean isSecure() {
                    return secure;
                }

                @Override
                public String getAuthenticationScheme() {
                    return caller.method() == Caller.Method.API_TOKEN ? "Bearer" : SecurityContext.FORM_AUTH;
                }
            });
        });
    }
}
