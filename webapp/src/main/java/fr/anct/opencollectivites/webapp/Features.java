package fr.anct.opencollectivites.webapp;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.quartz.SchedulerException;

import fr.anct.opencollectivites.authoring.AuthoringFeature;
import fr.anct.opencollectivites.security.UserRequests;
import fr.anct.opencollectivites.authoring.ui.AuthoringUi;
import fr.anct.opencollectivites.collectivites.CommuneResolver;
import fr.anct.opencollectivites.collectivites.CommuneResource;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.delivery.DeliveryEndpoints;
import fr.anct.opencollectivites.delivery.DeliveryResource;
import fr.anct.opencollectivites.delivery.DeliveryService;
import fr.anct.opencollectivites.delivery.DeliveryTextIndex;
import fr.anct.opencollectivites.repository.PerThreadAnonymousSessions;
import fr.anct.opencollectivites.repository.SessionProvider;
import fr.anct.opencollectivites.exports.CountryExportResource;
import fr.anct.opencollectivites.exports.ExportResource;
import fr.anct.opencollectivites.exports.OpenApiResource;
import fr.anct.opencollectivites.fiches.CompareResource;
import fr.anct.opencollectivites.fiches.FicheResource;
import fr.anct.opencollectivites.fiches.FicheService;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.security.MailSettings;
import fr.anct.opencollectivites.newsletter.MailSender;
import fr.anct.opencollectivites.newsletter.MailTemplates;
import fr.anct.opencollectivites.newsletter.NewsletterResource;
import fr.anct.opencollectivites.newsletter.NewsletterService;
import fr.anct.opencollectivites.newsletter.NewsletterSettings;
import fr.anct.opencollectivites.publications.PublicationsFeature;
import fr.anct.opencollectivites.authoring.publications.HarvestNow;
import fr.anct.opencollectivites.authoring.publications.HarvestNowResource;
import fr.anct.opencollectivites.publications.harvest.TagPreview;
import fr.anct.opencollectivites.authoring.publications.TagPreviewResource;
import fr.anct.opencollectivites.publications.harvest.OutboundPolicy;
import fr.anct.opencollectivites.tagging.ReferentielTagger;
import fr.anct.opencollectivites.tagging.TaggingRules;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.operations.QuartzJobStore;
import fr.anct.opencollectivites.publishing.ScheduledPublishing;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.search.SearchIndex;
import fr.anct.opencollectivites.search.SearchResource;
import fr.anct.opencollectivites.search.SearchService;
import fr.anct.opencollectivites.site.Site;
import fr.anct.opencollectivites.module.Importers;

/** The features of the module, built once with their constructors, and the HTTP resources they expose. */
final class Features implements AutoCloseable {
    private final List<Object> resources = new ArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final ImportService imports;

    private Features(PlatformConfig config, Path lightModule, ContentTypeRegistry contentTypes, Messages messages,
                     OakRepository repository, Operations operations) throws Exception {
        imports = new ImportService(repository, contentTypes, messages, Importers.standard());
        try {
            build(config, lightModule, contentTypes, messages, repository, operations);
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private void build(PlatformConfig config, Path lightModule, ContentTypeRegistry contentTypes, Messages messages,
                       OakRepository repository, Operations operations) throws SchedulerException {
        // One clock for every feature: what is in force, scheduled, expired or kept is measured against it.
        Clock clock = Clock.systemUTC();
        boolean demo = config.demoData() && DemoData.repositoryIsEmpty(repository);
        if (demo) {
            DemoData.importInto(imports);
        }

        CommuneResolver communeResolver = new CommuneResolver(repository, contentTypes);
        resources.add(new CommuneResource(communeResolver, messages));

        SearchIndex searchIndex = new SearchIndex(repository, contentTypes,
                config.dataDir().resolve("search-index"), SearchIndex.DEFAULT_DEBOUNCE).start();
        toClose.add(searchIndex);
        SearchService search = new SearchService(searchIndex);
        resources.add(new SearchResource(search, messages));

        FicheService fiches = new FicheService(repository, contentTypes, messages);
        resources.add(new FicheResource(fiches, messages));
        resources.add(new CompareResource(fiches, messages));
        resources.add(new ExportResource(fiches, search, messages));
        resources.add(new CountryExportResource(repository, contentTypes, messages));
        resources.add(new OpenApiResource());

        DeliveryEndpoints deliveryEndpoints = DeliveryEndpoints.load(lightModule, contentTypes);
        DeliveryTextIndex deliveryText = new DeliveryTextIndex(repository, deliveryEndpoints, contentTypes).start();
        toClose.add(deliveryText);
        DeliveryService delivery = new DeliveryService(deliveryEndpoints, contentTypes, deliveryText);
        PerThreadAnonymousSessions publicSessions = SessionProvider.anonymousPerThread(repository);
        toClose.add(publicSessions);
        resources.add(new DeliveryResource(delivery, publicSessions, messages, config.deliveryMaxAge()));

        TaggingRules taggingRules = TaggingRules.load(lightModule);
        ReferentielTagger tagger = new ReferentielTagger(repository, contentTypes, taggingRules).observe();
        toClose.add(tagger);
        PublicationsFeature publications = new PublicationsFeature(repository, publicSessions, contentTypes, messages,
                tagger, null, null, new OutboundPolicy(config.security().outboundPorts(),
                config.security().outboundTrustedHosts()), clock);
        toClose.add(publications);
        resources.addAll(publications.resources());
        if (config.schedules().harvest().isPresent() || config.schedules().linkCheck().isPresent()) {
            toClose.add(new ScheduledPublications(publications, config.schedules().harvest(),
                    config.schedules().linkCheck(), operations.database()));
        }

        if (demo) {
            DemoPublications.writeInto(repository, contentTypes);
            DemoMiniSite.writeInto(repository);
        }

        // site.baseUrl names the platform's own host: no mini-site may take it (MiniSiteHostFilter).
        String platformHost = java.net.URI.create(config.mail().siteBaseUrl()).getHost();
        Site site = new Site(lightModule, messages, contentTypes, publicSessions, search, fiches, publications.catalogue(),
                platformHost == null ? java.util.Set.of() : java.util.Set.of(platformHost.toLowerCase(java.util.Locale.ROOT)),
                clock, config.mail().siteBaseUrl());
        toClose.add(site);
        resources.addAll(site.components());

        PlatformConfig.MailSettings mail = config.mail();
        if (mail.smtpHost().isPresent()) {
            NewsletterService newsletter = new NewsletterService(repository, contentTypes, taggingRules.themes(),
                    new MailSender(mail.smtpHost().get(), mail.smtpPort(), mail.from()), new MailTemplates(lightModule),
                    messages, NewsletterSettings.defaults(mail.siteBaseUrl(), mail.from()), clock);
            resources.add(new NewsletterResource(newsletter, messages));
            if (config.schedules().newsletter().isPresent()) {
                toClose.add(new ScheduledNewsletter(newsletter, config.schedules().newsletter().get(), operations.database()));
            }
        }

        // Authoring: accounts, sessions, drafts, workflow, scheduled publishing, mini-sites.
        AuthoringFeature authoring = AuthoringFeature.create(repository, contentTypes, messages, lightModule,
                new AuthoringFeature.Settings(new MailSettings(mail.smtpHost().orElse("localhost"), mail.smtpPort(),
                        mail.from(), mail.username().orElse(null), mail.password().orElse(null), mail.startTls(),
                        mail.siteBaseUrl()), mail.secureCookies(), ScheduledPublishing.DEFAULT_INTERVAL, clock,
                        operations.database().map(QuartzJobStore::clusteredProperties)));
        toClose.add(authoring);
        resources.addAll(authoring.resources());
        // The editors' tag preview and "harvest this source now": API and pages share one rule each.
        TagPreview tagPreview = new TagPreview(publications.harvester().tagging(), messages);
        HarvestNow harvestNow = new HarvestNow(publications.harvester(), authoring.audit);
        UserRequests userRequests = new UserRequests(authoring.userSessions);
        resources.add(new TagPreviewResource(userRequests, tagPreview));
        resources.add(new HarvestNowResource(userRequests, harvestNow));
        resources.addAll(new AuthoringUi(authoring, repository, contentTypes, messages, mail.secureCookies(),
                site.renderer(), site.models(), search).withPublicationTools(tagPreview, harvestNow).resources());
        resources.add(new ClientAddressFilter(config.security().trustedProxies()));

        if (config.importsDir().isPresent() && config.importsSchedule().isPresent()) {
            toClose.add(new ScheduledImports(imports, config.importsDir().get(), config.importsSchedule().get(), messages,
                    operations.metrics(), operations.database()));
        }
    }

    static Features create(PlatformConfig config, Path lightModule, ContentTypeRegistry contentTypes,
                           Messages messages, OakRepository repository, Operations operations) throws Exception {
        return new Features(config, lightModule, contentTypes, messages, repository, operations);
    }

    List<Object> resources() {
        return resources;
    }

    @Override
    public void close() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }
}
