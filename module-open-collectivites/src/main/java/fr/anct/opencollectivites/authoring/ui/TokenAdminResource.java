package fr.anct.opencollectivites.authoring.ui;

import jakarta.ws.rs.Path;

import fr.anct.opencollectivites.security.ApiTokens;
import fr.anct.opencollectivites.security.AuditLog;

/** {@code /auteur/admin/jetons}: the administrator's own API tokens, in the administration's menu. */
@AuthorPage
@Path(TokenAdminResource.ADDRESS)
public final class TokenAdminResource extends OwnTokensPage {
    static final String ADDRESS = "/auteur/admin/jetons";

    TokenAdminResource(AdminPages admin, ApiTokens tokens, AuditLog audit) {
        super(admin, tokens, audit, ADDRESS, admin::administrator, "authoring-admin-tokens", "jetons");
    }
}
