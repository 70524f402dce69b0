package fr.anct.opencollectivites.authoring.ui;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/** {@code /auteur/admin/}: the administration sections, for administrators only (403 for others). */
@AuthorPage
@Path("auteur/admin")
public final class AdminHomeResource {
    private final AdminPages admin;
    @Context
    private UriInfo uri;
    @Context
    private SecurityContext security;

    AdminHomeResource(AdminPages admin) {
        this.admin = admin;
    }

    @GET
    public Response home() {
        AdminPages.Gate gate = admin.administrator(security, uri);
        if (gate.refused()) {
            return gate.refusal();
        }
        return admin.render(200, "authoring-admin", "", uri, gate.session(),
                Map.of("title", admin.messages().get("authoring.ui.admin.title")));
    }
}
