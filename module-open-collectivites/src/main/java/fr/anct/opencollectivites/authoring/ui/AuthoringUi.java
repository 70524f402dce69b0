package fr.anct.opencollectivites.authoring.ui;

import java.nio.file.Path;
import java.util.List;

import org.glassfish.jersey.media.multipart.MultiPartFeature;

import fr.anct.opencollectivites.authoring.AuthoringFeature;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.pages.ComponentTemplates;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.search.SearchService;
import fr.anct.opencollectivites.site.SiteModels;
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

    /** Without the publications catalogue: the previews' live blocks show their links only, fiches no publications. */
    public AuthoringUi(AuthoringFeature authoring, OakRepository repository, ContentTypeRegistry contentTypes, Path lightModule,
                       Messages messages, boolean secureCookies) {
        this(authoring, repository, contentTypes, lightModule, messages, secureCookies, (SearchService) null);
    }

    /** The same, with the collectivités' index for the territory pickers. */
    public AuthoringUi(AuthoringFeature authoring, OakRepository repository, ContentTypeRegistry contentTypes, Path lightModule,
                       Messages messages, boolean secureCookies, SearchService search) {
        this(authoring, repository, contentTypes, lightModule, messages, secureCookies,
                SiteModels.withoutCatalogue(repository, contentTypes, messages), search);
    }

    /** @param site the site's models ({@code Site.models()}), so that the previews show what the site will */
    public AuthoringUi(AuthoringFeature authoring, OakRepository repository, ContentTypeRegistry contentTypes, Path lightModule,
                       Messages messages, boolean secureCookies, SiteModels site) {
        this(authoring, repository, contentTypes, lightModule, messages, secureCookies, site, null);
    }

    /** @param search the collectivités' index, searched by the territory pickers of the forms (null: none) */
    public AuthoringUi(AuthoringFeature authoring, OakRepository repository, ContentTypeRegistry contentTypes, Path lightModule,
                       Messages messages, boolean secureCookies, SiteModels site, SearchService search) {
        SiteRenderer renderer = new SiteRenderer(lightModule, messages, new WebResources(lightModule));
        UiPages pages = new UiPages(renderer);
        UiSessions sessions = new UiSessions(authoring.webSessions);
        AdminPages admin = new AdminPages(pages, sessions, authoring, repository);
        ContentForm forms = new ContentForm(contentTypes, messages, authoring.assets, search);
        resources = List.of(
                new MultiPartFeature(),
                new UploadSizeFilter(authoring.assets.maxBytes() + UPLOAD_FORM_MARGIN, messages.get(
                        "authoring.ui.asset.requestTooLarge", authoring.assets.maxBytes() / (1024 * 1024))),
                new LoginPageResource(pages, sessions, authoring, secureCookies),
                new ContentFormResource(pages, sessions, authoring, forms),
                new DashboardResource(pages, sessions, authoring, contentTypes, secureCookies),
                new ContentListResource(pages, sessions, authoring, forms),
                new ForgotPasswordResource(pages, authoring.resets, secureCookies),
                new NewPasswordResource(pages, authoring.resets),
                new VersionsResource(admin),
                new AdminHomeResource(admin),
                new UserAdminResource(admin),
                new TokenAdminResource(admin),
                new AccountTokenResource(admin),
                new AuditAdminResource(admin),
                new ImportHistoryAdminResource(admin),
                new MiniSiteAdminResource(admin),
                new PageEditorResource(pages, sessions, authoring, contentTypes, ComponentTemplates.load(lightModule),
                        forms),
                new PagePreviewResource(pages, sessions, authoring, site.liveBlocks()),
                new FichePreviewResource(pages, sessions, authoring, repository, site.fichePages(), contentTypes),
                new PublicationPreviewResource(pages, sessions, authoring, site.publicationPages()),
                new MiniSiteSettingsResource(pages, sessions, authoring, contentTypes,
                        forms));
    }

    /** The JAX-RS resources to register. */
    public List<Object> resources() {
        return resources;
    }
}
