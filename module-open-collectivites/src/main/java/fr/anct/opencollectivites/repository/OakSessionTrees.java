package fr.anct.opencollectivites.repository;

import java.lang.reflect.Field;
import java.util.Optional;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.apache.jackrabbit.oak.api.Root;
import org.apache.jackrabbit.oak.jcr.delegate.SessionDelegate;
import org.apache.jackrabbit.oak.jcr.session.SessionImpl;
import org.apache.jackrabbit.oak.jcr.session.operation.SessionOperation;

/**
 * Oak's transient tree ({@link Root}) under a JCR session, for writers that create many nodes at once.
 * Changes made on it are the session's own pending changes: {@code session.save()} commits them with
 * the rest, through the same commit hooks (node types, indexes, permissions).
 *
 * <p>Why: for every {@code Node.setProperty} Oak's JCR layer matches the property definition twice
 * against the node types stored in the repository; on an import of 37,000 new nodes that costs more
 * than the writes themselves (docs/benchmarks.md). Oak offers no public accessor from a JCR session to
 * its tree, hence the field read below; the Oak version is pinned, and {@code BulkNodeWriterTest}
 * fails if a new version renames the field (callers then fall back to the JCR API).
 */
public final class OakSessionTrees {
    private static final Field DELEGATE = delegateField();

    private OakSessionTrees() {
    }

    /**
     * Runs {@code work} on the session's tree, under the session's own lock.
     *
     * @return false, without running it, when the session gives no access to its tree
     */
    public static boolean write(Session session, TreeWork work) throws RepositoryException {
        Optional<SessionDelegate> delegate = delegate(session);
        if (delegate.isEmpty()) {
            return false;
        }
        SessionDelegate sessionDelegate = delegate.get();
        sessionDelegate.performVoid(new SessionOperation<Void>("bulkWrite", true) {
            @Override
            public void performVoid() throws RepositoryException {
                work.run(sessionDelegate.getRoot());
            }
        });
        return true;
    }

    public static boolean available(Session session) {
        return delegate(session).isPresent();
    }

    private static Optional<SessionDelegate> delegate(Session session) {
        if (DELEGATE == null || !(session instanceof SessionImpl)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((SessionDelegate) DELEGATE.get(session));
        } catch (IllegalAccessException e) {
            return Optional.empty();
        }
    }

    private static Field delegateField() {
        try {
            Field field = SessionImpl.class.getDeclaredField("sd");
            field.setAccessible(true);
            return SessionDelegate.class.isAssignableFrom(field.getType()) ? field : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @FunctionalInterface
    public interface TreeWork {
        void run(Root root) throws RepositoryException;
    }
}
