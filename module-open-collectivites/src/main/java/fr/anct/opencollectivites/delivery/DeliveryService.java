package fr.anct.opencollectivites.delivery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.RowIterator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.web.Json;

/**
 * The delivery API without HTTP: one node, its children, or a query on an endpoint, read with the
 * session it is given (the request's: anonymous for the public, so only live content is visible).
 */
public final class DeliveryService {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final DeliveryEndpoints endpoints;
    private final ContentTypeRegistry contentTypes;
    private final DeliveryQueryParser parser;
    private final Sql2QueryBuilder builder = new Sql2QueryBuilder();
    private final QueryPlans plans = new QueryPlans();
    private final DeliveryTextIndex textIndex;

    /** Without full text: {@code q} answers 503 (tests of the other features). */
    public DeliveryService(DeliveryEndpoints endpoints, ContentTypeRegistry contentTypes) {
        this(endpoints, contentTypes, null);
    }

    /** @param textIndex answers {@code q} (started by the caller) */
    public DeliveryService(DeliveryEndpoints endpoints, ContentTypeRegistry contentTypes, DeliveryTextIndex textIndex) {
        this.endpoints = endpoints;
        this.contentTypes = contentTypes;
        this.parser = new DeliveryQueryParser(contentTypes);
        this.textIndex = textIndex;
    }

    public DeliveryEndpointDefinition endpoint(String name) {
        return endpoints.byName(name).orElseThrow(() ->
                new DeliveryException(DeliveryError.NOT_FOUND, "delivery.error.endpointNotFound", name));
    }

    /** The node at {@code path}, relative to the endpoint's root ({@code /01/01001}). */
    public DeliveryResult node(Session session, String endpointName, String path) throws RepositoryException {
        DeliveryEndpointDefinition endpoint = endpoint(endpointName);
        Node node = existing(session, endpoint, path);
        NodeJsonRenderer renderer = new NodeJsonRenderer(endpoint, contentTypes, session);
        ObjectNode json = renderer.render(node);
        return new DeliveryResult(json, renderer.lastModified());
    }

    /** The children of the node at {@code path}, in order, as a JSON array. */
    public DeliveryResult children(Session session, String endpointName, String path) throws RepositoryException {
        DeliveryEndpointDefinition endpoint = endpoint(endpointName);
        Node node = existing(session, endpoint, path);
        NodeJsonRenderer renderer = new NodeJsonRenderer(endpoint, contentTypes, session);
        ArrayNode children = JSON.arrayNode();
        for (Node child : renderer.children(node)) {
            children.add(renderer.render(child));
        }
        return new DeliveryResult(children, Optional.empty()); // lists: a deletion would not move a date; ETag only
    }

    /** A query: {@code {"total", "offset", "limit", "results"}}, total exact. */
    public DeliveryResult query(Session session, String endpointName, Map<String, List<String>> parameters)
            throws RepositoryException {
        DeliveryEndpointDefinition endpoint = endpoint(endpointName);
        DeliveryQuery query = parser.parse(endpoint, parameters);
        Page page;
        if (query.fullText().isPresent()) {
            if (textIndex == null) {
                throw new DeliveryException(DeliveryError.UNAVAILABLE, "delivery.error.fullTextNotReady");
            }
            List<String> candidates = textIndex.candidates(endpoint.rootAbsolutePath(), endpoint.nodeTypes(),
                    query.fullText().get().terms());
            page = candidates.isEmpty() ? new Page(0, List.of())
                    : page(session, planned(session, builder.build(endpoint, query, candidates)), query.offset(), query.limit());
        } else {
            page = page(session, planned(session, builder.build(endpoint, query)), query.offset(), query.limit());
        }
        NodeJsonRenderer renderer = new NodeJsonRenderer(endpoint, contentTypes, session);
        ArrayNode results = JSON.arrayNode();
        for (String path : page.paths()) {
            results.add(renderer.render(session.getNode(path)));
        }
        return new DeliveryResult(Json.page(page.total(), query.offset(), query.limit(), results), Optional.empty()); // lists: a deletion would not move a date; ETag only
    }

    private record Page(long total, List<String> paths) {
    }

    private Sql2Query planned(Session session, Sql2Query sql) throws RepositoryException {
        plans.warnIfTraversing(session, sql);
        return sql;
    }

    /** One pass over the rows: the count is exact and only the page's nodes are loaded. */
    private static Page page(Session session, Sql2Query sql, int offset, int limit) throws RepositoryException {
        RowIterator rows = JcrQueries.prepare(session, sql).execute().getRows();
        if (sql.pathOrder() == Sql2Query.PathOrder.IN_STATEMENT) {
            List<String> paths = new ArrayList<>();
            long total = 0;
            for (; rows.hasNext(); total++) {
                String path = rows.nextRow().getPath();
                if (total >= offset && paths.size() < limit) {
                    paths.add(path);
                }
            }
            return new Page(total, paths);
        }
        List<String> all = new ArrayList<>();
        while (rows.hasNext()) {
            all.add(rows.nextRow().getPath());
        }
        all.sort(sql.pathOrder() == Sql2Query.PathOrder.ASCENDING ? Comparator.naturalOrder() : Comparator.reverseOrder());
        return new Page(all.size(), List.copyOf(all.subList(Math.min(offset, all.size()),
                (int) Math.min((long) offset + limit, all.size()))));
    }

    /** Only paths of plain segments under the endpoint's root; anything else is simply not found. */
    private static Node existing(Session session, DeliveryEndpointDefinition endpoint, String path)
            throws RepositoryException {
        List<String> segments = Arrays.stream(path == null ? new String[0] : path.split("/"))
                .filter(s -> !s.isEmpty()).toList();
        String relative = "/" + String.join("/", segments);
        String absolute = endpoint.absolutePath(relative);
        boolean plain = segments.stream().allMatch(s -> !s.equals(".") && !s.equals("..") && s.matches("[^\\[\\]|*]+"));
        try {
            if (plain && session.nodeExists(absolute)) {
                return session.getNode(absolute);
            }
        } catch (RepositoryException e) {
            // an invalid name (unknown namespace prefix…) is a path that does not exist
        }
        throw new DeliveryException(DeliveryError.PATH_NOT_FOUND, "delivery.error.pathNotFound",
                endpoint.workspacePath(absolute));
    }
}
