package fr.anct.opencollectivites.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import jakarta.ws.rs.core.Response;

/**
 * The platform's one JSON mapper (ISO-8601 dates, numbers as numbers) and the helpers of the JSON APIs:
 * authoring answers are built as trees and never cached by browsers; domain APIs write records as bytes.
 * Parsers of input files and stored formats derive their mapper from {@link #MAPPER}.
 */
public final class Json {
    public static final String TYPE = "application/json; charset=UTF-8";
    public static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** A list answer, in the delivery API's shape: {@code {"results":[…]}}. */
    public static ObjectNode results(ArrayNode results) {
        ObjectNode body = object();
        body.set("results", results);
        return body;
    }

    /** A page of a query's answer, as Magnolia's delivery API gives it: {@code {"total","offset","limit","results"}}. */
    public static ObjectNode page(long total, long offset, long limit, ArrayNode results) {
        ObjectNode body = object();
        body.put("total", total);
        body.put("offset", offset);
        body.put("limit", limit);
        body.set("results", results);
        return body;
    }

    public static Response ok(JsonNode body) {
        return Response.ok(body.toString(), TYPE).header("Cache-Control", "no-store").build();
    }

    public static Response status(int status, JsonNode body) {
        return Response.status(status).type(TYPE).header("Cache-Control", "no-store").entity(body.toString()).build();
    }

    /** Parses a request body; malformed JSON is a 400 with a French message. */
    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return object();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("authoring.error.jsonObject");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("authoring.error.json", e.getOriginalMessage());
        }
    }

    public static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    public static String requiredText(JsonNode body, String field) {
        String value = text(body, field);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("authoring.error.missingField", field);
        }
        return value;
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static byte[] prettyBytes(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
