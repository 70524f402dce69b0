package fr.anct.opencollectivites.fiches;

import java.util.ArrayList;
import java.util.List;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.Query;

import fr.anct.opencollectivites.content.ReferentielProperties;

/** The few indexed JCR-SQL2 queries a fiche needs (children of a level by an indexed reference). */
final class FicheQueries {
    private FicheQueries() {
    }

    /** Nodes of {@code nodeType} whose {@code property} equals {@code value}, ordered by code. */
    static List<Node> where(Session session, String nodeType, String property, String value) throws RepositoryException {
        return where(session, nodeType, property, value, null);
    }

    /** The same, restricted to one COG type of commune. */
    static List<Node> where(Session session, String nodeType, String property, String value, String typecom)
            throws RepositoryException {
        String sql = "SELECT * FROM [" + nodeType + "] AS n WHERE n.[" + property + "] = $value"
                + (typecom == null ? "" : " AND n.[" + ReferentielProperties.TYPECOM + "] = $typecom")
                + " AND ISDESCENDANTNODE(n, '/collectivites') ORDER BY n.[" + ReferentielProperties.CODE + "]";
        Query query = session.getWorkspace().getQueryManager().createQuery(sql, Query.JCR_SQL2);
        query.bindValue("value", session.getValueFactory().createValue(value));
        if (typecom != null) {
            query.bindValue("typecom", session.getValueFactory().createValue(typecom));
        }
        List<Node> nodes = new ArrayList<>();
        for (NodeIterator it = query.execute().getNodes(); it.hasNext(); ) {
            nodes.add(it.nextNode());
        }
        return nodes;
    }
}
