package fr.anct.opencollectivites.mairies;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.Query;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;

/**
 * The mairies of a commune, through the indexed {@code codesInsee} property (index {@code oc-codesInsee})
 * restricted to the live tree: the commune's own mairie first, then its mairies déléguées and annexes by
 * name. A mairie déléguée serving a commune déléguée and its commune nouvelle is found from both codes.
 */
public final class MairiesReader {
    static final String BY_CODE = "SELECT * FROM [oc:mairie] AS m WHERE m.[codesInsee] = $code AND ISDESCENDANTNODE(m, [%s])";
    private static final Comparator<Mairie> PRINCIPAL_FIRST = Comparator.comparing(Mairie::deleguee)
            .thenComparing(Mairie::nom, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Mairie::id);

    private final String statement;

    public MairiesReader(ContentTypeRegistry types) {
        this(types.require("mairie"));
    }

    MairiesReader(ContentTypeDefinition mairieType) {
        this.statement = String.format(BY_CODE, MairieNodes.root(mairieType));
    }

    public List<Mairie> forCommune(Session session, String codeInsee) throws RepositoryException {
        if (codeInsee == null || codeInsee.isBlank()) {
            return List.of();
        }
        Query query = session.getWorkspace().getQueryManager().createQuery(statement, Query.JCR_SQL2);
        query.bindValue("code", session.getValueFactory().createValue(codeInsee.trim().toUpperCase(java.util.Locale.ROOT)));
        List<Mairie> mairies = new ArrayList<>();
        for (NodeIterator it = query.execute().getNodes(); it.hasNext(); ) {
            mairies.add(MairieNodes.read(it.nextNode()));
        }
        mairies.sort(PRINCIPAL_FIRST);
        return List.copyOf(mairies);
    }

    /** The statement the reader runs, for plan checks ({@code EXPLAIN}). */
    public String statement() {
        return statement;
    }
}
