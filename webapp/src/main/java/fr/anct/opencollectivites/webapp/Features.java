package fr.anct.opencollectivites.webapp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import java.time.Clock;

import org.quartz.SchedulerException;

import fr.anct.opencollectivites.authoring.AuthoringFeature;
import fr.anct.opencollectivites.collectivites.CommuneResolver;
import fr.anct.opencollectivites.collectivites.CommuneResource;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.delivery.DeliveryEndpoints;
import fr.anct.opencollectivites.delivery.DeliveryResource;
import fr.anct.opencollectivites.delivery.DeliveryService;
import fr.anct.opencollectivites.delivery.PerThreadAnonymousSessions;
import fr.anct.opencollectivites.delivery.SessionProvider;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.imports.ImportService;
import fr.anct.opencollectivites.publishing.ScheduledPublishing;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.search.SearchIndex;
import fr.anct.opencollectivites.search.SearchResource;
import fr.anct.opencollectivites.search.SearchService;

/** The features of the module, built once with their constructors, and the HTTP resources they expose. */
final class Features implements AutoCloseable {
    private final List<Object> resources = new ArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final ImportService imports;

    private Features(PlatformConfig config, Path lightModule, ContentTypeRegistry contentTypes, Messages messages,
                     OakRepository repository) throws Exception {
        imports = new ImportService(repository, contentTypes, messages);
        try {
            build(config, lightModule, contentTypes, messages, repository);
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private void build(PlatformConfig config, Path lightModule, ContentTypeRegistry contentTypes, Messages messages,
                       OakRepository repository) throws SchedulerException {
        if (config.demoData() && DemoData.repositoryIsEmpty(repository)) {
            DemoData.importInto(imports);
        }

        resources.add(new CommuneResource(new CommuneResolver(repository, contentTypes), messages));

        SearchIndex searchIndex = new SearchIndex(repository, contentTypes,
                config.dataDir().resolve("search-index"), SearchIndex.DEFAULT_DEBOUNCE).start();
        toClose.add(searchIndex);
        resources.add(new SearchResource(new SearchService(searchIndex), messages));

        DeliveryService delivery = new DeliveryService(DeliveryEndpoints.load(lightModule, contentTypes), contentTypes);
        PerThreadAnonymousSessions publicSessions = SessionProvider.anonymousPerThread(repository);
        toClose.add(publicSessions);
        resources.add(new DeliveryResource(delivery, publicSessions, messages, config.deliveryMaxAge()));

        // Authoring (issue 6): accounts, sessions, drafts, workflow, scheduled publishing, mini-sites.
        AuthoringFeature authoring = AuthoringFeature.create(repository, contentTypes, messages, lightModule,
                new AuthoringFeature.Settings(AuthoringEnvironment.mail(System.getenv()),
                        AuthoringEnvironment.secureCookies(System.getenv()), ScheduledPublishing.DEFAULT_INTERVAL,
                        Clock.systemUTC()));
        toClose.add(authoring);
        resources.addAll(authoring.resources());
        resources.add(new ClientAddressFilter());

        if (config.importsDir().isPresent() && config.importsSchedule().isPresent()) {
            toClose.add(new ScheduledImports(imports, config.importsDir().get(), config.importsSchedule().get(), messages));
        }
    }

    static Features create(PlatformConfig config, Path lightModule, ContentTypeRegistry contentTypes,
                           Messages messages, OakRepository repository) throws Exception {
        return new Features(config, lightModule, contentTypes, messages, repository);
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
