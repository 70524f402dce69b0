package fr.anct.opencollectivites.tagging;

import java.util.List;

import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.observation.EventListener;
import javax.jcr.observation.ObservationManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.repository.ContentEvents;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.repository.RepositoryFailure;
import fr.anct.opencollectivites.repository.Workspaces;

/**
 * The tagger over the référentiel in the repository. The matcher is built on first use and rebuilt on
 * the next use after any change under {@code /collectivites} (JCR observation marks it stale, so an
 * import of 35,000 communes costs one rebuild, not one per node); {@link #rebuild()} forces it.
 */
public final class ReferentielTagger implements PublicationTagger, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReferentielTagger.class);

    private final OakRepository repository;
    private final ReferentielNames names;
    private final TaggingRules rules;
    private volatile KeywordTagger current;
    private volatile boolean stale = true;
    private Session observingSession;
    private EventListener listener;

    public ReferentielTagger(OakRepository repository, ContentTypeRegistry contentTypes, TaggingRules rules) {
        this.repository = repository;
        this.names = new ReferentielNames(contentTypes);
        this.rules = rules;
    }

    /** Keeps the matcher current through repository observation until {@link #close()}. */
    public synchronized ReferentielTagger observe() {
        if (observingSession != null) {
            return this;
        }
        try {
            observingSession = repository.loginSystem();
            listener = events -> stale = true;
            ObservationManager observation = observingSession.getWorkspace().getObservationManager();
            observation.addEventListener(listener, ContentEvents.ALL, Workspaces.liveRoot(Workspaces.COLLECTIVITES),
                    true, null, null, false);
        } catch (RepositoryException e) {
            throw new RepositoryFailure("Cannot observe the référentiel: " + e.getMessage(), e);
        }
        return this;
    }

    @Override
    public Tags tag(String title, String plainTextSummary) {
        return matcher().tag(title, plainTextSummary);
    }

    /** The tags of a text and why each was given, by the same matcher as {@link #tag}. */
    @Override
    public TagExplanation explain(String title, String plainTextSummary) {
        return matcher().explain(title, plainTextSummary);
    }

    /** The rules this tagger applies (the themes' names and keywords for the preview). */
    public TaggingRules rules() {
        return rules;
    }

    /** Rebuilds the matcher from the repository now. */
    public synchronized KeywordTagger rebuild() {
        stale = false;
        long start = System.nanoTime();
        List<Territory> territories = repository.withSystemSession(names::read);
        KeywordTagger tagger = new KeywordTagger(territories, rules);
        current = tagger;
        LOG.info("Tagger built over {} territories ({} names) in {} ms", territories.size(), tagger.names(),
                (System.nanoTime() - start) / 1_000_000);
        return tagger;
    }

    private KeywordTagger matcher() {
        KeywordTagger tagger = current;
        if (tagger == null || stale) {
            synchronized (this) {
                tagger = current == null || stale ? rebuild() : current;
            }
        }
        return tagger;
    }

    @Override
    public synchronized void close() {
        if (observingSession == null) {
            return;
        }
        try {
            observingSession.getWorkspace().getObservationManager().removeEventListener(listener);
        } catch (RepositoryException e) {
            LOG.warn("Tagger: cannot stop observing: {}", e.getMessage());
        } finally {
            observingSession.logout();
            observingSession = null;
        }
    }
}
