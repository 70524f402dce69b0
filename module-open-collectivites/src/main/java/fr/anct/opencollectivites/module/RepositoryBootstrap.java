package fr.anct.opencollectivites.module;

import java.util.List;

import fr.anct.opencollectivites.content.ContentTypeInstall;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.publishing.ScheduledPublishing;
import fr.anct.opencollectivites.repository.BootstrapStep;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.repository.RepositoryLayout;
import fr.anct.opencollectivites.security.AccessPolicies;

/**
 * Installs what the module needs in the repository on first start and upgrades it on later starts, by
 * running each feature's {@link BootstrapStep} in order in one system session saved once: the layout
 * (namespaces, base node types, workspace roots, public read on live content), the content types' node
 * types and indexes, the role groups and their access-control entries, the scheduling indexes.
 */
public final class RepositoryBootstrap {
    private final List<BootstrapStep> steps;

    public RepositoryBootstrap(ContentTypeRegistry contentTypes) {
        this.steps = List.of(new RepositoryLayout(), new ContentTypeInstall(contentTypes), AccessPolicies::install,
                ScheduledPublishing::installIndexes);
    }

    public void install(OakRepository repository) {
        repository.withSystemSession(session -> {
            for (BootstrapStep step : steps) {
                step.install(session);
            }
            session.save();
            return null;
        });
    }
}
