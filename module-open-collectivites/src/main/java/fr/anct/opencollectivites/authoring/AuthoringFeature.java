package fr.anct.opencollectivites.authoring;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.quartz.SchedulerException;

import fr.anct.opencollectivites.assets.AssetResource;
import fr.anct.opencollectivites.assets.AssetStore;
import fr.anct.opencollectivites.assets.AssetUploadResource;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.pages.ComponentTemplates;
import fr.anct.opencollectivites.pages.EditorialContent;
import fr.anct.opencollectivites.pages.EditorialResource;
import fr.anct.opencollectivites.pages.MiniSiteRules;
import fr.anct.opencollectivites.pages.MiniSites;
import fr.anct.opencollectivites.pages.PageItemTypes;
import fr.anct.opencollectivites.security.AuditLog;
import fr.anct.opencollectivites.security.EditorRolesFilter;
import fr.anct.opencollectivites.publishing.DraftExceptionMapper;
import fr.anct.opencollectivites.publishing.Drafts;
import fr.anct.opencollectivites.publishing.ItemTypes;
import fr.anct.opencollectivites.publishing.RichTextSanitizer;
import fr.anct.opencollectivites.publishing.ScheduledPublishing;
import fr.anct.opencollectivites.publishing.Workflow;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.security.AccountResource;
import fr.anct.opencollectivites.security.Accounts;
import fr.anct.opencollectivites.security.ApiTokens;
import fr.anct.opencollectivites.security.AuthoringFilter;
import fr.anct.opencollectivites.security.LoginThrottle;
import fr.anct.opencollectivites.security.Logins;
import fr.anct.opencollectivites.security.MailSettings;
import fr.anct.opencollectivites.security.Mailer;
import fr.anct.opencollectivites.security.PasswordPolicy;
import fr.anct.opencollectivites.security.PasswordResets;
import fr.anct.opencollectivites.security.SessionResource;
import fr.anct.opencollectivites.security.UserRequests;
import fr.anct.opencollectivites.security.UserSessions;
import fr.anct.opencollectivites.security.WebSessions;
import fr.anct.opencollectivites.web.ApiExceptionMapper;

/**
 * The authoring side built with its constructors: accounts, sessions, tokens, drafts, workflow,
 * scheduled publishing, mini-sites; the HTTP resources (and the filter and error mapper) to register.
 * One block for the composition root ({@code webapp/Features}) and for tests.
 */
public final class AuthoringFeature implements AutoCloseable {
    /**
     * @param scheduleInterval  how often scheduled publishing looks for due items; null: not started
     * @param clusteredJobStore Quartz's clustered job store on the cluster's database (PostgreSQL mode):
     *                          scheduled publishing then runs on one instance at a time
     */
    public record Settings(MailSettings mail, boolean secureCookies, Duration scheduleInterval, Clock clock,
                           Optional<Properties> clusteredJobStore) {
        /** On one instance: scheduled publishing on a scheduler of this process. */
        public Settings(MailSettings mail, boolean secureCookies, Duration scheduleInterval, Clock clock) {
            this(mail, secureCookies, scheduleInterval, clock, Optional.empty());
        }
    }

    public final UserSessions userSessions;
    public final WebSessions webSessions;
    public final ApiTokens apiTokens;
    public final LoginThrottle throttle;
    public final Logins logins;
    public final Accounts accounts;
    public final AuditLog audit;
    public final PasswordResets resets;
    public final ComponentTemplates components;
    public final ItemTypes itemTypes;
    public final Drafts drafts;
    public final Workflow workflow;
    public final MiniSites miniSites;
    public final ScheduledPublishing scheduledPublishing;
    public final AssetStore assets;
    public final Clock clock;
    private final List<Object> resources = new ArrayList<>();

    private AuthoringFeature(OakRepository repository, ContentTypeRegistry contentTypes, Messages messages,
                             Path lightModule, Settings settings) throws SchedulerException {
        clock = settings.clock();
        userSessions = new UserSessions(repository);
        webSessions = new WebSessions(repository, clock);
        apiTokens = new ApiTokens(repository, clock);
        throttle = new LoginThrottle(clock);
        accounts = new Accounts(new PasswordPolicy(), webSessions);
        audit = new AuditLog(repository, clock);
        resets = new PasswordResets(repository, accounts, webSessions, new Mailer(settings.mail()), messages, clock);
        components = ComponentTemplates.load(lightModule);
        itemTypes = new PageItemTypes(contentTypes, components);
        String platformHost = java.net.URI.create(settings.mail().baseUrl()).getHost();
        drafts = new Drafts(itemTypes, contentTypes, new RichTextSanitizer(), List.of(new MiniSiteRules(repository,
                platformHost == null ? List.of() : List.of(platformHost))));
        workflow = new Workflow(audit, clock);
        miniSites = new MiniSites(contentTypes);
        scheduledPublishing = new ScheduledPublishing(repository, workflow, audit, clock);
        if (settings.scheduleInterval() != null) {
            scheduledPublishing.start(settings.scheduleInterval(), settings.clusteredJobStore());
        }
        UserRequests requests = new UserRequests(userSessions);
        resources.add(new AuthoringFilter(webSessions, apiTokens));
        resources.add(new EditorRolesFilter(repository, accounts));
        resources.add(new ApiExceptionMapper(messages));
        resources.add(new DraftExceptionMapper(messages));
        logins = new Logins(repository, userSessions, webSessions, throttle, accounts, audit);
        resources.add(new SessionResource(repository, logins, webSessions, accounts, resets, settings.secureCookies()));
        resources.add(new AccountResource(requests, accounts, apiTokens, resets, audit));
        resources.add(new AuthoringResource(requests, itemTypes, drafts, workflow, audit, miniSites));
        assets = new AssetStore(contentTypes, AssetStore.DEFAULT_MAX_BYTES);
        resources.add(new AssetUploadResource(requests, assets, audit));
        resources.add(new AssetResource(repository, assets));
        resources.add(new EditorialResource(repository, new EditorialContent(contentTypes), clock,
                settings.mail().baseUrl()));
    }

    public static AuthoringFeature create(OakRepository repository, ContentTypeRegistry contentTypes, Messages messages,
                                          Path lightModule, Settings settings) throws SchedulerException {
        return new AuthoringFeature(repository, contentTypes, messages, lightModule, settings);
    }

    /** Filter, error mapper and resources, to register with the JAX-RS application. */
    public List<Object> resources() {
        return resources;
    }

    @Override
    public void close() throws SchedulerException {
        resets.close();
        scheduledPublishing.close();
    }
}
