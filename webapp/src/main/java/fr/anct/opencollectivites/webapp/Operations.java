package fr.anct.opencollectivites.webapp;

import java.util.Optional;

import fr.anct.opencollectivites.operations.PlatformMetrics;
import fr.anct.opencollectivites.repository.ClusterDatabase;

/**
 * What features may need from operations: the metrics registry (count what you do, see
 * {@link PlatformMetrics}) and, on PostgreSQL, the shared database (cluster-wide jobs and locks).
 */
record Operations(PlatformMetrics metrics, Optional<ClusterDatabase> database) {
}
