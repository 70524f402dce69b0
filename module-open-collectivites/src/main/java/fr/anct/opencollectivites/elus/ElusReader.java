package fr.anct.opencollectivites.elus;

import java.util.Locale;
import java.util.Optional;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;

/** The maire of a commune and the président of an EPCI, read at their direct paths (no query). */
public final class ElusReader {
    private final ContentTypeDefinition eluType;

    public ElusReader(ContentTypeRegistry types) {
        this.eluType = types.require("elu");
    }

    public Optional<Elu> maire(Session session, String codeCommune) throws RepositoryException {
        String code = codeCommune == null ? "" : codeCommune.trim().toUpperCase(Locale.ROOT);
        if (!RneFiles.COMMUNE.matcher(code).matches()) {
            return Optional.empty();
        }
        return read(session, EluNodes.maire(eluType, code));
    }

    public Optional<Elu> president(Session session, String sirenEpci) throws RepositoryException {
        String siren = sirenEpci == null ? "" : sirenEpci.trim();
        if (!RneFiles.SIREN.matcher(siren).matches()) {
            return Optional.empty();
        }
        return read(session, EluNodes.president(eluType, siren));
    }

    private static Optional<Elu> read(Session session, String path) throws RepositoryException {
        return session.nodeExists(path) ? Optional.of(EluNodes.read(session.getNode(path))) : Optional.empty();
    }
}
