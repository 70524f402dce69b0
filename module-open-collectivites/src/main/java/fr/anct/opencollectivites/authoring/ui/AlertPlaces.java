package fr.anct.opencollectivites.authoring.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.collectivites.Territories;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.TerritoryKey;
import fr.anct.opencollectivites.fiches.CommuneRow;
import fr.anct.opencollectivites.fiches.Fiche;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.site.FicheModels;

/**
 * The fiches an alert draft can be previewed on: its own territory's, and that of a commune inside it
 * ({@code ?sur=commune:42218}), since a commune's fiche also shows the alerts of its EPCI, département and
 * région ({@link FicheModels#alertTerritories}; an EPCI's, département's or région's fiche shows its own alerts
 * only, so no other level is offered). The banner links the {@value #OFFERED} most populated communes of the
 * territory (the members of an EPCI), read from the live référentiel as published.
 */
final class AlertPlaces {
    static final int OFFERED = 5;
    private static final Comparator<CommuneRow> MOST_POPULATED = Comparator.comparing(CommuneRow::population,
            Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(CommuneRow::code);

    /** A link of the banner; {@code current} for the fiche shown. */
    record Place(String name, String url, boolean current) {
    }

    private final FicheModels fiches;
    private final Territories territories;
    private final Messages messages;

    AlertPlaces(FicheModels fiches, ContentTypeRegistry contentTypes, Messages messages) {
        this.fiches = fiches;
        this.territories = new Territories(contentTypes);
        this.messages = messages;
    }

    /**
     * Whether {@code fiche}, found for the commune {@code asked}, is that commune's (not the successor of a
     * former code) and shows the alerts on {@code alertTerritory}, as the public fiche would.
     */
    boolean shows(Session session, Fiche fiche, TerritoryKey asked, String alertTerritory) throws RepositoryException {
        return fiche.key().equals(asked.code()) && fiches.alertTerritories(session, fiche).contains(alertTerritory);
    }

    /**
     * The banner's links: the alert's territory, then its most populated communes, and the commune asked for
     * when it is not among them.
     *
     * @param previewUrl the preview's address without {@code ?sur=}
     * @param asked      the commune asked for, or null on the territory's own fiche
     */
    List<Place> of(Session session, TerritoryKey alertTerritory, String previewUrl, TerritoryKey asked)
            throws RepositoryException {
        List<CommuneRow> communes = new ArrayList<>(fiches.communes(alertTerritory));
        if (communes.isEmpty()) {
            return List.of();
        }
        communes.sort(MOST_POPULATED);
        List<Place> places = new ArrayList<>();
        String own = territories.name(session, alertTerritory).orElse(alertTerritory.toString());
        places.add(new Place(messages.get("authoring.ui.preview.alert.own", own), previewUrl, asked == null));
        boolean askedListed = false;
        for (CommuneRow commune : communes.subList(0, Math.min(OFFERED, communes.size()))) {
            boolean current = asked != null && asked.code().equals(commune.code());
            askedListed |= current;
            places.add(commune(commune.nom(), commune.code(), previewUrl, current));
        }
        if (asked != null && !askedListed) {
            Optional<String> name = territories.name(session, asked);
            places.add(commune(name.orElse(asked.code()), asked.code(), previewUrl, true));
        }
        return places;
    }

    private Place commune(String name, String code, String previewUrl, boolean current) {
        return new Place(messages.get("authoring.ui.preview.alert.commune", name, code),
                previewUrl + "?sur=" + TerritoryKey.Level.COMMUNE.prefix() + ":" + code, current);
    }
}
