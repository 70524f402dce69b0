package fr.anct.opencollectivites.authoring.ui;

import jakarta.ws.rs.Path;

import fr.anct.opencollectivites.security.ApiTokens;
import fr.anct.opencollectivites.security.AuditLog;

/**
 * {@code /auteur/compte/jetons}: any signed-in author's own API tokens (editors, publishers, reviewers,
 * program teams, administrators alike), linked from the header of every authoring page. A token grants
 * nothing its owner's session would not: the repository checks each of its requests as the owner's.
 */
@AuthorPage
@Path(AccountTokenResource.ADDRESS)
public final class AccountTokenResource extends OwnTokensPage {
    static final String ADDRESS = "/auteur/compte/jetons";

    AccountTokenResource(AdminPages admin, ApiTokens tokens, AuditLog audit) {
        super(admin, tokens, audit, ADDRESS, (security, uri) -> admin.signedIn(security), "authoring-account-tokens", null);
    }
}
