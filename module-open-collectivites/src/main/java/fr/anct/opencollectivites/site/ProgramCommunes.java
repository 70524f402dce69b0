package fr.anct.opencollectivites.site;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.content.ReferentielProperties;
import fr.anct.opencollectivites.content.TerritoryKey;
import fr.anct.opencollectivites.fiches.FicheType;
import fr.anct.opencollectivites.repository.NodeProperties;
import fr.anct.opencollectivites.search.Slugs;

/**
 * The {@code minisite-communes} block: the communes of a program, from its mini-site's territories, read
 * from the live référentiel with the page's session. A {@code commune:} territory is one row and an
 * {@code epci:} territory one row per member commune (a commune named twice is listed once); a
 * {@code departement:} or {@code region:} territory is not expanded (hundreds to thousands of communes that
 * the program does not single out) but given as a link to its fiche and to its communes' CSV export. With a
 * département filter, only the communes of that département are listed, and a région of the program that
 * contains it is given as a link to that département. Rows are in French alphabetical order, at most
 * {@link #MAX_ROWS}; the total counts them all. Unknown codes (a former commune, a typo) are left out.
 */
public final class ProgramCommunes {
    static final int MAX_ROWS = 1000;
    private static final Collator FRENCH = Collator.getInstance(java.util.Locale.FRANCE);
    private static final Comparator<Commune> ORDER = Comparator.comparing(Commune::name, FRENCH)
            .thenComparing(Commune::code);
    private static final String EXPORTS = "/.rest/open-collectivites/v1/exports/";

    private final ReferentielNodes referentiel;

    ProgramCommunes(ReferentielNodes referentiel) {
        this.referentiel = referentiel;
    }

    /** A row: the commune, its fiche page, its département and its population municipale (null when unknown). */
    public record Commune(String code, String name, String href, String departement, String departementName,
                          Long population) {
    }

    /** A département or région of the program: its fiche page and the CSV of its communes. */
    public record Area(String level, String code, String name, String href, String export) {
    }

    /**
     * What the block shows: at most {@link #MAX_ROWS} communes of {@code total} ({@code truncated} when fewer),
     * the départements and régions; {@code departement} is the filter's code and name, or empty strings.
     */
    public record Listing(List<Commune> communes, int total, boolean truncated, List<Area> areas, String departement,
                          String departementName) {
    }

    Listing of(Session session, List<String> territories, String departementFilter) throws RepositoryException {
        String filter = departementFilter == null ? "" : departementFilter.strip().toUpperCase(java.util.Locale.ROOT);
        Map<String, Node> communes = new LinkedHashMap<>();
        Set<TerritoryKey> areas = new LinkedHashSet<>();
        for (String key : territories) {
            Optional<TerritoryKey> territory = TerritoryKey.parse(key);
            Optional<Node> node = territory.isEmpty() ? Optional.empty() : referentiel.node(session, territory.get());
            if (node.isEmpty()) {
                continue;
            }
            switch (territory.get().level()) {
                case COMMUNE -> communes.putIfAbsent(node.get().getName(), node.get());
                case EPCI -> {
                    for (String code : NodeProperties.strings(node.get(), ReferentielProperties.MEMBRES)) {
                        if (!communes.containsKey(code)) {
                            referentiel.node(session, FicheType.COMMUNE, code).ifPresent(n -> communes.put(code, n));
                        }
                    }
                }
                case DEPARTEMENT -> {
                    if (filter.isEmpty() || filter.equals(territory.get().code())) {
                        areas.add(territory.get());
                    }
                }
                case REGION -> area(session, territory.get(), filter).ifPresent(areas::add);
            }
        }
        Names names = new Names(session);
        List<Commune> rows = rows(communes.values(), filter, names);
        boolean truncated = rows.size() > MAX_ROWS;
        return new Listing(truncated ? List.copyOf(rows.subList(0, MAX_ROWS)) : rows, rows.size(), truncated,
                links(areas, names), filter, filter.isEmpty() ? "" : names.of(FicheType.DEPARTEMENT, filter));
    }

    /** The communes of the filter's département (all without one), in French alphabetical order. */
    private static List<Commune> rows(Iterable<Node> communes, String filter, Names names) throws RepositoryException {
        List<Commune> rows = new ArrayList<>();
        for (Node node : communes) {
            String departement = NodeProperties.string(node, "departement");
            if (filter.isEmpty() || filter.equals(departement)) {
                String name = NodeProperties.string(node, "nom");
                rows.add(new Commune(node.getName(), name, Slugs.pagePath(FicheType.COMMUNE.section(), node.getName(), name),
                        departement == null ? "" : departement, names.of(FicheType.DEPARTEMENT, departement),
                        NodeProperties.number(node, ReferentielProperties.POPULATION)));
            }
        }
        rows.sort(ORDER);
        return rows;
    }

    private static List<Area> links(Set<TerritoryKey> areas, Names names) throws RepositoryException {
        List<Area> links = new ArrayList<>();
        for (TerritoryKey area : areas) {
            FicheType level = ReferentielNodes.fiche(area);
            String name = names.of(level, area.code());
            links.add(new Area(level.id(), area.code(), name, Slugs.pagePath(level.section(), area.code(), name),
                    EXPORTS + level.section() + "/" + area.code() + "/communes.csv"));
        }
        return links;
    }

    /** A région of the program: itself, or with a filter the filter's département when the région contains it. */
    private Optional<TerritoryKey> area(Session session, TerritoryKey region, String filter) throws RepositoryException {
        if (filter.isEmpty()) {
            return Optional.of(region);
        }
        Optional<Node> departement = referentiel.node(session, FicheType.DEPARTEMENT, filter);
        return departement.isPresent() && region.code().equals(NodeProperties.string(departement.get(), "region"))
                ? Optional.of(new TerritoryKey(TerritoryKey.Level.DEPARTEMENT, filter)) : Optional.empty();
    }

    /** Names of départements and régions, each read once per render; empty when unknown. */
    private final class Names {
        private final Session session;
        private final Map<String, String> names = new HashMap<>();

        Names(Session session) {
            this.session = session;
        }

        String of(FicheType level, String code) throws RepositoryException {
            if (code == null) {
                return "";
            }
            String key = level.id() + ":" + code;
            String name = names.get(key);
            if (name == null) {
                Optional<Node> node = referentiel.node(session, level, code);
                name = node.isPresent() ? Objects.toString(NodeProperties.string(node.get(), "nom"), "") : "";
                names.put(key, name);
            }
            return name;
        }
    }
}
