package fr.anct.opencollectivites.publications.catalogue;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;

import fr.anct.opencollectivites.collectivites.Territories;
import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.TerritoryKey;
import fr.anct.opencollectivites.publications.PublicationPaths;
import fr.anct.opencollectivites.repository.SessionProvider;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.repository.RepositoryFailure;

/**
 * The catalogue of live publications: filters, French full text, sort and paging through
 * {@link PublicationIndex}; the items themselves read with an anonymous session, so that only
 * published content can ever be answered. With a territory, each result says which territory of the
 * scope it is about ({@code matchedTerritory}), so that a fiche can show its parents' in their own section.
 */
public final class CatalogueService {
    /** A région before 2016 as the tagger names it (tagging/names.yaml): a filter of its own, with no parent. */
    private static final Pattern FORMER_REGION = Pattern.compile("ancienne-region:\\d{2}");

    private static final SortField NEWEST = new SortField(PublicationIndex.DATE, SortField.Type.LONG, true);
    private static final SortField TIE_BREAK = new SortField(PublicationIndex.PATH, SortField.Type.STRING);

    private final PublicationIndex index;
    private final SessionProvider publicSessions;
    private final ContentTypeDefinition publicationType;
    private final Territories territories;

    /** Reads with a new anonymous session per request. */
    public CatalogueService(PublicationIndex index, OakRepository repository, ContentTypeRegistry contentTypes) {
        this(index, SessionProvider.anonymous(repository), contentTypes);
    }

    /**
     * @param publicSessions anonymous sessions, e.g. the delivery API's per-thread ones (a login per
     *                       request is a large part of a request's cost)
     */
    public CatalogueService(PublicationIndex index, SessionProvider publicSessions, ContentTypeRegistry contentTypes) {
        this.index = index;
        this.publicSessions = publicSessions;
        this.publicationType = contentTypes.require(PublicationPaths.PUBLICATION_TYPE);
        this.territories = new Territories(contentTypes);
    }

    /** @throws UnknownTerritoryException when {@code territory} is malformed or unknown */
    public CataloguePage search(CatalogueQuery request) {
        Session session = publicSessions.open(null);
        try {
            return search(session, request);
        } catch (RepositoryException e) {
            throw new RepositoryFailure(e.getMessage(), e);
        } finally {
            publicSessions.release(session);
        }
    }

    private CataloguePage search(Session session, CatalogueQuery request) throws RepositoryException {
        List<String> scope = List.of();
        if (request.territory() != null) {
            scope = FORMER_REGION.matcher(request.territory()).matches()
                    ? List.of(request.territory())
                    : territories.withParents(session, request.territory())
                            .map(keys -> keys.stream().map(TerritoryKey::toString).toList())
                            .orElseThrow(() -> new UnknownTerritoryException(request.territory()));
        }
        Query query = query(request, scope);
        boolean relevance = request.sort() == CatalogueQuery.Sort.RELEVANCE && request.text() != null;
        Sort sort = relevance ? new Sort(SortField.FIELD_SCORE, NEWEST, TIE_BREAK) : new Sort(NEWEST, TIE_BREAK);
        List<String> scopeKeys = scope;
        return index.withSearcher(searcher -> {
            int total = searcher.count(query);
            List<Map<String, Object>> results = new ArrayList<>();
            if (request.offset() < total) {
                TopFieldDocs top = searcher.search(query, request.offset() + request.limit(), sort, relevance);
                for (int i = request.offset(); i < top.scoreDocs.length; i++) {
                    ScoreDoc hit = top.scoreDocs[i];
                    var doc = searcher.storedFields().document(hit.doc);
                    render(session, doc.get(PublicationIndex.PATH), doc.getFields(PublicationIndex.TERRITORY), scopeKeys)
                            .ifPresent(results::add);
                }
            }
            return new CataloguePage(total, request.offset(), request.limit(), results);
        });
    }

    private Optional<Map<String, Object>> render(Session session, String path, IndexableField[] territoryFields,
                                                 List<String> scope) throws IOException {
        try {
            if (!session.nodeExists(path)) {
                return Optional.empty();
            }
            Node node = session.getNode(path);
            Map<String, Object> json = PublicationJson.render(node, publicationType);
            if (!scope.isEmpty()) {
                Set<String> own = new java.util.HashSet<>();
                for (IndexableField field : territoryFields) {
                    own.add(field.stringValue());
                }
                scope.stream().filter(own::contains).findFirst().ifPresent(key -> json.put("matchedTerritory", key));
            }
            return Optional.of(json);
        } catch (javax.jcr.RepositoryException e) {
            throw new IOException(e);
        }
    }

    static Query query(CatalogueQuery request, List<String> scope) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
        anyOf(query, PublicationIndex.THEME, request.themes());
        anyOf(query, PublicationIndex.TERRITORY, scope);
        anyOf(query, PublicationIndex.TYPE, request.documentTypes());
        anyOf(query, PublicationIndex.PUBLISHER, request.publishers());
        if (!request.years().isEmpty()) {
            query.add(IntPoint.newSetQuery(PublicationIndex.YEAR, request.years()), BooleanClause.Occur.FILTER);
        }
        if (request.from() != null || request.to() != null) {
            long from = request.from() == null ? Long.MIN_VALUE + 1 : millis(request.from());
            long to = request.to() == null ? Long.MAX_VALUE : millis(request.to().plusDays(1)) - 1;
            query.add(LongPoint.newRangeQuery(PublicationIndex.DATE, from, to), BooleanClause.Occur.FILTER);
        }
        if (request.text() != null && !request.text().isBlank()) {
            SimpleQueryParser parser = new SimpleQueryParser(PublicationIndex.analyzer(),
                    Map.of(PublicationIndex.TITLE, 2f, PublicationIndex.TEXT, 1f));
            parser.setDefaultOperator(BooleanClause.Occur.MUST);
            Query text = parser.parse(request.text());
            query.add(text == null ? new MatchNoDocsQuery() : text, BooleanClause.Occur.MUST);
        }
        return query.build();
    }

    private static void anyOf(BooleanQuery.Builder query, String field, List<String> values) {
        if (!values.isEmpty()) {
            query.add(new TermInSetQuery(field, values.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER);
        }
    }

    private static long millis(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
