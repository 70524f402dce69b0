package fr.anct.opencollectivites.collectivites;

import java.util.List;
import java.util.Optional;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.Query;
import javax.jcr.query.QueryManager;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ReferentielProperties;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * Finds today's commune for any INSEE code, current or former: 17457 is La Devise, and so is 17352
 * (Saint-Laurent-de-la-Barrière, merged in 2018). For the API's 301 redirects and for search.
 * Former codes are found through the indexed {@code anciensCodes} property set by the mouvements import.
 */
public final class CommuneResolver {

    /** @param former whether the code asked for is a former code of this commune */
    public record ResolvedCommune(String code, String path, boolean former) {
    }

    private static final String BY_FORMER_CODE =
            "SELECT * FROM [oc:commune] AS c WHERE c.[" + ReferentielProperties.ANCIENS_CODES + "] = $code AND c.["
                    + ReferentielProperties.TYPECOM + "] = 'COM'";

    private final OakRepository repository;
    private final ContentTypeDefinition communeType;
    private final ContentTypeDefinition formerType;

    public CommuneResolver(OakRepository repository, ContentTypeRegistry types) {
        this.repository = repository;
        this.communeType = types.require("commune");
        this.formerType = types.require(FormerCommunes.TYPE);
    }

    /** Resolves with an anonymous session (live content only). */
    public Optional<ResolvedCommune> resolve(String code) {
        return repository.withAnonymousSession(session -> resolve(session, code));
    }

    public Optional<ResolvedCommune> resolve(Session session, String code) throws RepositoryException {
        if (code == null || !Codes.valid(Codes.COMMUNE, code.trim().toUpperCase())) {
            return Optional.empty();
        }
        String wanted = code.trim().toUpperCase();
        String path = CollectivitePaths.commune(communeType, "COM", wanted);
        if (session.nodeExists(path)) {
            Node node = session.getNode(path);
            return Optional.of(new ResolvedCommune(wanted, node.getPath(), false));
        }
        QueryManager queries = session.getWorkspace().getQueryManager();
        Query query = queries.createQuery(BY_FORMER_CODE, Query.JCR_SQL2);
        query.bindValue("code", session.getValueFactory().createValue(wanted));
        query.setLimit(1);
        NodeIterator found = query.execute().getNodes();
        if (found.hasNext()) {
            Node node = found.nextNode();
            return Optional.of(new ResolvedCommune(node.getProperty(ReferentielProperties.CODE).getString(), node.getPath(), true));
        }
        return successorOfFormerRecord(session, wanted);
    }

    /** A former commune whose successor is known (a COMD or COMA code, or a code no mouvement chains). */
    private Optional<ResolvedCommune> successorOfFormerRecord(Session session, String code) throws RepositoryException {
        for (String typecom : List.of("COM", "COMD", "COMA", "ARM")) {
            String recordPath = FormerCommunes.path(formerType, typecom, code);
            if (!session.nodeExists(recordPath) || !session.getNode(recordPath).hasProperty("successeur")) {
                continue;
            }
            String successor = session.getNode(recordPath).getProperty("successeur").getString();
            String path = CollectivitePaths.commune(communeType, "COM", successor);
            if (session.nodeExists(path)) {
                return Optional.of(new ResolvedCommune(successor, path, true));
            }
        }
        return Optional.empty();
    }
}
