package fr.anct.opencollectivites.repository;

import java.time.Duration;
import java.time.Instant;

import org.apache.jackrabbit.oak.plugins.document.ClusterNodeInfoDocument;
import org.apache.jackrabbit.oak.plugins.document.DocumentNodeStore;
import org.apache.jackrabbit.oak.plugins.document.DocumentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leases of a cluster's instances. An instance renews its lease every 10 s; a clean stop releases
 * it. One that was killed or lost keeps an ACTIVE entry until its lease ends: only then may another
 * instance recover the writes whose last revisions it had not yet published (up to a second of
 * acknowledged saves), and only then may its cluster id start again.
 */
final class ClusterLeases {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterLeases.class);

    private ClusterLeases() {
    }

    /** Cluster ids from here up are taken by short commands (backup, import…): instances use 1 to 99. */
    static final int FIRST_COMMAND_ID = 100;

    /**
     * The id a command joins with: the lowest from {@link #FIRST_COMMAND_ID} that no running process
     * holds. Oak's own choice (the lowest inactive id) could take the id of a stopped instance, which
     * then could not start while the command runs.
     */
    static int commandId(DocumentStore store) {
        java.util.Set<Integer> held = new java.util.HashSet<>();
        for (ClusterNodeInfoDocument entry : ClusterNodeInfoDocument.all(store)) {
            // a cleanly stopped process leaves its entry inactive and without a lease end (Oak's
            // getLeaseEndTime() then throws): only active entries (even with an expired lease) are held
            if (entry.isActive() || entry.isBeingRecovered()) {
                held.add(entry.getClusterId());
            }
        }
        int id = FIRST_COMMAND_ID;
        while (held.contains(id)) {
            id++;
        }
        return id;
    }

    /**
     * Before joining: says in the log when this cluster id is still leased (a process killed less than a
     * lease ago), since Oak then waits in silence for the lease to end.
     */
    static void warnIfHeld(DocumentStore store, int clusterId) {
        if (clusterId == 0) {
            return;
        }
        try {
            long now = System.currentTimeMillis();
            for (ClusterNodeInfoDocument entry : ClusterNodeInfoDocument.all(store)) {
                if (entry.getClusterId() == clusterId && entry.isActive() && entry.getLeaseEndTime() > now) {
                    LOG.warn("Cluster id {} is still leased until {}: its last process did not stop cleanly (kill -9, lost"
                                    + " machine) or is still running. Waiting about {} s for the lease to end, then its last"
                                    + " writes are recovered and this instance starts.", clusterId,
                            Instant.ofEpochMilli(entry.getLeaseEndTime()),
                            Duration.ofMillis(entry.getLeaseEndTime() - now).toSeconds() + 2);
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("Cannot read the cluster's leases: {}", e.getMessage());
        }
    }

    /**
     * Recovers the last writes of every instance whose lease expired without a clean stop: the job that
     * Oak's own service wrapper schedules and a store built by hand must schedule itself.
     */
    static void recoverExpired(DocumentNodeStore nodeStore) {
        try {
            if (nodeStore.getLastRevRecoveryAgent().isRecoveryNeeded()) {
                Instant started = Instant.now();
                nodeStore.getLastRevRecoveryAgent().performRecoveryIfNeeded();
                LOG.warn("A cluster instance's lease expired without a clean stop (killed or lost): its last writes were"
                        + " recovered in {} ms",
                        Duration.between(started, Instant.now()).toMillis());
            }
        } catch (RuntimeException e) {
            // the database may be away: the next round tries again
            LOG.debug("Recovery of expired cluster instances failed: {}", e.getMessage());
        }
    }
}
