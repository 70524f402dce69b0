package fr.anct.opencollectivites.authoring.ui;

import java.nio.file.Path;
import java.util.List;

import org.glassfish.jersey.media.multipart.MultiPartFeature;

import fr.anct.opencollectivites.authoring.AuthoringFeature;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.site.SiteRenderer;
import fr.anct.opencollectivites.site.WebResources;

/**
 * The server-rendered authoring pages under {@code /auteur/}, drawn with the site's FreeMarker renderer
 * and DSFR layout, on top of the authoring services (sessions, throttling, drafts).
 */
public final class AuthoringUi {
    /** Room for the form's fields beside a file at the asset store's cap. */
    private static final long UPLOAD_FORM_MARGIN = 2L * 1024 * 1024;
    private final List<Object> resources;

    public AuthoringUi(AuthoringFeature authoring, OakRepository repository, ContentTypeRegistry contentTypes, Path lightModule,
                       Messages messages, boolean secureCookies) {
        SiteRenderer renderer = new SiteRenderer(lightModule, messages, new WebResources(lightModule));
        UiPages pages = new UiPages(renderer);
        UiSessions sessions = new UiSessions(authoring.webSessions);
        resources = List.of(
                new MultiPartFeature(),
                new UploadSizeFilter(authoring.assets.maxBytes() + UPLOAD_FORM_MARGIN, messages.get(
                        "authoring.ui.asset.requestTooLarge", authoring.assets.maxBytes() / (1024 * 1024))),
                new LoginPageResource(pages, sessions, authoring, repository, secureCookies),
                new ContentFormResource(pages, sessions, authoring, repository,
                        new ContentForm(contentTypes, messages, authoring.assets)),
                new DashboardResource(pages, sessions, authoring, contentTypes, secureCookies));
    }

    /** The JAX-RS resources to register. */
    public List<Object> resources() {
        return resources;
    }
}
