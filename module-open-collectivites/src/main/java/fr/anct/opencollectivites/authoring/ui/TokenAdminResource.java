package fr.anct.opencollectivites.authoring.ui;

import jakarta.ws.rs.Path;

/** {@code /auteur/admin/jetons}: the administrator's own API tokens, in the administration's menu. */
@AuthorPage
@Path(TokenAdminResource.ADDRESS)
public final class TokenAdminResource extends OwnTokensPage {
    static final String ADDRESS = "/auteur/admin/jetons";

    TokenAdminResource(AdminPages admin) {
        super(admin, ADDRESS, admin::administrator, "authoring-admin-tokens", "jetons");
    }
}
