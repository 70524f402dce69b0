package fr.anct.opencollectivites.delivery;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a delivery request answers: the JSON body and the latest {@code mgnl:lastModified} of the
 * nodes it shows (for {@code Last-Modified}; empty when none carries one).
 */
public record DeliveryResult(JsonNode body, Optional<Instant> lastModified) {
}
