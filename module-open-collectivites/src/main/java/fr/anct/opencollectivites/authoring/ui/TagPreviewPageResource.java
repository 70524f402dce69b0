package fr.anct.opencollectivites.authoring.ui;

import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import fr.anct.opencollectivites.publications.harvest.TagPreview;

/**
 * {@code /auteur/etiquetage}: paste a title and a summary, see the territories and themes the harvest would
 * give them and why (the words read, the rule), and the words that look like places but were left out. A
 * plain form posted to the same address (no JavaScript); for any signed-in author. It writes nothing.
 */
@AuthorPage
@Path("auteur/etiquetage")
public final class TagPreviewPageResource {
    private final AdminPages admin;
    private final TagPreview preview;
    @Context
    private UriInfo uri;
    @Context
    private SecurityContext security;

    TagPreviewPageResource(AdminPages admin, TagPreview preview) {
        this.admin = admin;
        this.preview = preview;
    }

    @GET
    public Response form() {
        AdminPages.Gate gate = admin.signedIn(security);
        return render(200, gate, "", "", null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response preview(@FormParam("titre") String title,
                            @FormParam("resume") String summary) {
        AdminPages.Gate gate = admin.signedIn(security);
        try {
            return render(200, gate, title, summary, preview.preview(title, summary), null);
        } catch (TagPreview.Invalid e) {
            return render(400, gate, title, summary, null, admin.messages().get(e.key(), e.args()));
        }
    }

    private Response render(int status, AdminPages.Gate gate, String title, String summary, TagPreview.Result result,
                            String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("user", gate.session().userId());
        model.put("csrf", gate.session().csrfToken());
        model.put("titre", title == null ? "" : title);
        model.put("resume", summary == null ? "" : summary);
        model.put("maxTitle", TagPreview.MAX_TITLE);
        model.put("maxSummary", TagPreview.MAX_SUMMARY);
        if (result != null) {
            model.put("result", result);
        }
        if (error != null) {
            model.put("error", error);
        }
        return admin.pages().render(status, "authoring-tag-preview", uri, model);
    }
}
