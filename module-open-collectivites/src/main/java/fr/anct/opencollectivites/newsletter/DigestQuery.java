package fr.anct.opencollectivites.newsletter;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.Query;

import fr.anct.opencollectivites.content.WebUrls;
import fr.anct.opencollectivites.repository.NodeProperties;
import fr.anct.opencollectivites.repository.Workspaces;

/**
 * The published items new since a date for a subscription, through the indexed {@code date},
 * {@code territories} and {@code themes} properties. Runs in an anonymous session: drafts can never reach
 * a mail.
 */
final class DigestQuery {
    static final String ITEMS = Workspaces.liveRoot(Workspaces.PUBLICATIONS) + "/items";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE)
            .withZone(ZoneId.of("Europe/Paris"));

    private static final DateTimeFormatter JCR_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneId.of("UTC"));

    private DigestQuery() {
    }

    /**
     * Items dated after {@code since} and up to {@code until}, newest first, tagged with one of the
     * territories (when some are given) and one of the themes (when some are given).
     */
    static List<DigestItem> find(Session anonymous, Instant since, Instant until, Set<String> territories,
                                 Collection<String> themes, int limit) throws RepositoryException {
        Query query = anonymous.getWorkspace().getQueryManager().createQuery(
                statement(since, until, territories, themes), Query.JCR_SQL2);
        List<DigestItem> items = new ArrayList<>();
        for (NodeIterator it = query.execute().getNodes(); it.hasNext() && items.size() < limit; ) {
            Node node = it.nextNode();
            List<String> itemThemes = NodeProperties.strings(node, "themes");
            if (!themes.isEmpty() && itemThemes.stream().noneMatch(themes::contains)) {
                continue;
            }
            Optional<String> link = WebUrls.safe(string(node, "link"));
            if (link.isEmpty()) {
                continue; // an address stored before the url rule is not mailed
            }
            Instant date = node.getProperty("date").getDate().toInstant();
            items.add(new DigestItem(node.getPath(), string(node, "title"), link.get(), date,
                    DAY.format(date), NodeProperties.strings(node, "territories"), itemThemes));
        }
        return items;
    }

    static String statement(Instant since, Instant until, Set<String> territories, Collection<String> themes) {
        StringBuilder sql = new StringBuilder("SELECT * FROM [oc:publication] AS p WHERE ISDESCENDANTNODE(p, '")
                .append(ITEMS).append("') AND p.[date] > CAST('").append(JCR_DATE.format(since))
                .append("' AS DATE) AND p.[date] <= CAST('").append(JCR_DATE.format(until)).append("' AS DATE)");
        if (!territories.isEmpty()) {
            sql.append(" AND (").append(anyOf("territories", territories)).append(')');
        } else if (!themes.isEmpty()) {
            sql.append(" AND (").append(anyOf("themes", themes)).append(')');
        }
        return sql.append(" ORDER BY p.[date] DESC").toString();
    }

    /** Oak's plan of the digest query (tests check that it uses an index, never a traversal). */
    static String plan(Session session, Instant since, Instant until, Set<String> territories,
                       Collection<String> themes) throws RepositoryException {
        javax.jcr.query.RowIterator rows = session.getWorkspace().getQueryManager()
                .createQuery("EXPLAIN " + statement(since, until, territories, themes), Query.JCR_SQL2).execute().getRows();
        return rows.hasNext() ? rows.nextRow().getValue("plan").getString() : "";
    }

    private static String anyOf(String property, Collection<String> values) {
        return values.stream().map(v -> "p.[" + property + "] = '" + v.replace("'", "''") + "'")
                .collect(Collectors.joining(" OR "));
    }

    private static String string(Node node, String name) throws RepositoryException {
        return node.hasProperty(name) ? node.getProperty(name).getString() : "";
    }

}
