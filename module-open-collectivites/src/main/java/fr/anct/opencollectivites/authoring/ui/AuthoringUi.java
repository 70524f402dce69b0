package fr.anct.opencollectivites.authoring.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.glassfish.jersey.media.multipart.MultiPartFeature;

import fr.anct.opencollectivites.authoring.AuthoringFeature;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.authoring.publications.HarvestNow;
import fr.anct.opencollectivites.publications.harvest.TagPreview;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.search.SearchService;
import fr.anct.opencollectivites.security.UserSessions;
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
    private final AdminPages admin;
    private final DashboardResource dashboard;
    private final UserSessions userSessions;

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
        this(authoring, repository, contentTypes, messages, secureCookies,
                new SiteRenderer(lightModule, messages, new WebResources(lightModule)), site, search);
    }

    /**
     * The pages drawn with the citizens' site's renderer ({@code Site.renderer()}).
     *
     * @param site   the site's models ({@code Site.models()}), so that the previews show what the site will
     * @param search the collectivités' index, searched by the territory pickers of the forms (null: none)
     */
    public AuthoringUi(AuthoringFeature authoring, OakRepository repository, ContentTypeRegistry contentTypes,
                       Messages messages, boolean secureCookies, SiteRenderer renderer, SiteModels site,
                       SearchService search) {
        UiPages pages = new UiPages(renderer);
        UiSessions sessions = new UiSessions(authoring.webSessions);
        admin = new AdminPages(pages, authoring.userSessions, authoring.accounts, repository);
        ContentForm forms = new ContentForm(contentTypes, messages, authoring.assets, search);
        FormPosts posts = new FormPosts(authoring.userSessions, authoring.assets, authoring.audit, messages);
        ScheduleForm scheduleForm = new ScheduleForm(authoring.workflow, messages, authoring.clock);
        PageEditor editor = new PageEditor(authoring.drafts);
        PageEditorView pageEditor = new PageEditorView(pages, authoring.userSessions, contentTypes.require("page"),
                authoring.components, forms, editor, scheduleForm, authoring.assets.maxBytes());
        userSessions = authoring.userSessions;
        dashboard = new DashboardResource(pages, authoring.userSessions, authoring.drafts, authoring.webSessions,
                authoring.audit, new PagePlaces(authoring.miniSites, editor, messages), contentTypes, secureCookies);
        resources = new ArrayList<>(List.of(
                new MultiPartFeature(),
                new UploadSizeFilter(authoring.assets.maxBytes() + UPLOAD_FORM_MARGIN, messages.get(
                        "authoring.ui.asset.requestTooLarge", authoring.assets.maxBytes() / (1024 * 1024))),
                new AuthorPageFilter(pages, sessions),
                new AccessRefusedPage(pages),
                new LoginPageResource(pages, sessions, authoring.logins, secureCookies),
                new ContentFormResource(pages, authoring.userSessions, authoring.itemTypes, authoring.drafts,
                        authoring.workflow, forms, scheduleForm, posts),
                dashboard,
                new ContentListResource(pages, authoring.userSessions, authoring.itemTypes, forms),
                new ForgotPasswordResource(pages, authoring.resets, secureCookies),
                new NewPasswordResource(pages, authoring.resets),
                new VersionsResource(admin, authoring.userSessions, authoring.itemTypes, authoring.workflow),
                new AdminHomeResource(admin),
                new UserAdminResource(admin, authoring.userSessions, authoring.accounts, authoring.webSessions,
                        authoring.resets, authoring.miniSites, authoring.audit),
                new TokenAdminResource(admin, authoring.apiTokens, authoring.audit),
                new AccountTokenResource(admin, authoring.apiTokens, authoring.audit),
                new AuditAdminResource(admin, authoring.userSessions),
                new ImportHistoryAdminResource(admin, authoring.userSessions),
                new MiniSiteAdminResource(admin, authoring.userSessions, authoring.miniSites, authoring.audit),
                new PageEditorResource(pageEditor, authoring.drafts, authoring.workflow, authoring.audit, posts),
                new ComponentEditorResource(pageEditor, authoring.drafts, posts),
                new PagePreviewResource(pages, authoring.userSessions, site.liveBlocks()),
                new FichePreviewResource(pages, authoring.userSessions, authoring.itemTypes, repository, site.fichePages(),
                        contentTypes),
                new PublicationPreviewResource(pages, authoring.userSessions, authoring.itemTypes, site.publicationPages()),
                new MiniSiteSettingsResource(pages, authoring.userSessions, authoring.drafts, authoring.workflow,
                        authoring.audit, authoring.assets, contentTypes, forms, posts)));
    }

    /**
     * Adds the editors' publication tools: the tag preview ({@code /auteur/etiquetage}) and the sources with
     * "harvest now" ({@code /auteur/sources}).
     */
    public AuthoringUi withPublicationTools(TagPreview preview, HarvestNow harvestNow) {
        resources.add(new TagPreviewPageResource(admin, preview));
        resources.add(new SourcesPageResource(admin, userSessions, harvestNow));
        dashboard.linkPublicationTools();
        return this;
    }

    /** The JAX-RS resources to register. */
    public List<Object> resources() {
        return resources;
    }
}
