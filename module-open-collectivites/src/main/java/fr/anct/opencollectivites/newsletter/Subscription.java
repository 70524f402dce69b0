package fr.anct.opencollectivites.newsletter;

import java.time.Instant;
import java.util.List;

/**
 * One address and what it follows. {@code pending*} hold the choice of a request not confirmed yet; the
 * confirmed choice is only replaced at confirmation, so that nobody can change another's subscription.
 */
record Subscription(String id, String email, boolean confirmed, List<String> territories, List<String> themes,
                    List<String> pendingTerritories, List<String> pendingThemes, String confirmationHash,
                    Instant confirmationExpires, Instant requestedAt, Instant confirmedAt, Instant lastDigestAt) {
}
