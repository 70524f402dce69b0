package fr.anct.opencollectivites.fiches;

import java.util.List;
import java.util.Optional;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.collectivites.CommuneResolver;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.elus.Elu;
import fr.anct.opencollectivites.elus.ElusReader;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.mairies.Mairie;
import fr.anct.opencollectivites.mairies.MairiesReader;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * Builds the fiche of any collectivité from the live repository: the référentiel (identity,
 * hierarchy, population) and the sources fed into it. Reads with the anonymous session, so a fiche only
 * ever shows published content.
 */
public final class FicheService {
    private final OakRepository repository;
    private final Territoires territoires;
    private final CommuneResolver communes;
    private final CommuneFiche communeFiche;
    private final EpciFiche epciFiche;
    private final DepartementFiche departementFiche;
    private final RegionFiche regionFiche;
    private final CommuneListing communeListing;
    private final FinancesSections finances;
    private final MairiesReader mairies;
    private final ElusReader elus;
    private final Sources sources;

    public FicheService(OakRepository repository, ContentTypeRegistry contentTypes, Messages messages) {
        this.repository = repository;
        this.territoires = new Territoires(contentTypes);
        this.communes = new CommuneResolver(repository, contentTypes);
        FicheParts parts = new FicheParts(territoires, new Sources(messages), messages);
        this.communeFiche = new CommuneFiche(parts);
        this.epciFiche = new EpciFiche(parts);
        this.departementFiche = new DepartementFiche(parts);
        this.regionFiche = new RegionFiche(parts);
        this.communeListing = new CommuneListing(territoires);
        this.finances = new FinancesSections(messages.get("fiches.source.finances.url"));
        this.mairies = new MairiesReader(contentTypes);
        this.elus = new ElusReader(contentTypes);
        this.sources = new Sources(messages);
    }

    /** The fiche of {@code key} (code, SIREN, {@code <code>-comd}), or where it moved, or nothing. */
    public FicheLookup find(FicheType type, String key) {
        return repository.withAnonymousSession(session -> find(session, type, key));
    }

    public FicheLookup find(Session session, FicheType type, String key) throws RepositoryException {
        Optional<Fiche> fiche = fiche(session, type, key);
        if (fiche.isPresent()) {
            return new FicheLookup.Found(fiche.get());
        }
        if (type == FicheType.COMMUNE && key != null && key.length() == 5) {
            Optional<CommuneResolver.ResolvedCommune> resolved = communes.resolve(session, key);
            if (resolved.isPresent() && resolved.get().former()) {
                return new FicheLookup.Moved(type, resolved.get().code());
            }
        }
        return new FicheLookup.NotFound();
    }

    /** The communes of a département or région, or the members of an EPCI; empty when it does not exist. */
    public Optional<List<CommuneRow>> communes(FicheType type, String key) {
        return repository.withAnonymousSession(session -> communeListing.of(session, type, key));
    }

    public Optional<Fiche> fiche(Session session, FicheType type, String key) throws RepositoryException {
        Optional<Node> node = territoires.node(session, type, key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        Fiche referentiel = switch (type) {
            case COMMUNE -> communeFiche.read(session, node.get());
            case EPCI -> epciFiche.read(session, node.get());
            case DEPARTEMENT -> departementFiche.read(session, node.get());
            case REGION -> regionFiche.read(session, node.get());
        };
        boolean commune = type == FicheType.COMMUNE;
        boolean com = commune && "COM".equals(referentiel.identite().typecom());
        String code = referentiel.code();
        List<Mairie> mairiesOfCommune = commune ? mairies.forCommune(session, code) : List.of();
        Optional<Elu> elu = com ? elus.maire(session, code)
                : type == FicheType.EPCI ? elus.president(session, code) : Optional.empty();
        ElusSection elusSection = elu.isEmpty() ? null
                : com ? new ElusSection(eluOf(elu.get()), null) : new ElusSection(null, eluOf(elu.get()));
        return Optional.of(referentiel.withSources(
                !commune || com ? finances.of(session, type, code) : null,
                mairiesOfCommune.isEmpty() ? null : mairiesOfCommune,
                elusSection));
    }

    private ElusSection.Elu eluOf(Elu elu) {
        FicheModel.Source source = sources.elus(elu.vintage());
        return new ElusSection.Elu(elu.nom(), elu.prenom(), elu.fonction(), elu.debutFonction(), source);
    }
}
