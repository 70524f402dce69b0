package fr.anct.opencollectivites.tagging;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import fr.anct.opencollectivites.tagging.Gazetteer.Mention;
import fr.anct.opencollectivites.tagging.Gazetteer.Surface;
import fr.anct.opencollectivites.tagging.Territory.Kind;

/**
 * Decides which names found in a text really name a territory (docs/tagging.md):
 * <ul>
 * <li>a name is written with a capital ("le marché de l'orange" names nothing); acronyms (DGF, RSA) are
 *     not names;</li>
 * <li>a name that is also a common word ("Orange", "Somme") needs context: a cue before it ("ville d'",
 *     "département de la"), a département in parentheses after it, or a capital that is not the first
 *     word of a sentence (then a colon after it: "Corse : …"); a one- or two-letter name ("Y", "Eu")
 *     needs a cue or parentheses;</li>
 * <li>a département or région in parentheses right after a commune says which homonym is meant and is
 *     not a tag itself;</li>
 * <li>homonymous communes are told apart by the départements and régions the text names, else by a
 *     population ten times the next one's, else left out.</li>
 * </ul>
 */
final class TerritoryMatcher {
    private static final Set<String> COMMUNE_CUES = Set.of("commune", "ville", "mairie", "maire",
            "municipalite");
    private static final Set<String> OF = Set.of("de", "d", "du", "des");
    private static final int DOMINANCE = 10;

    private final Gazetteer gazetteer;
    private final Map<String, Territory> departementsByCode = new HashMap<>();

    TerritoryMatcher(Collection<Territory> territories, Set<String> commonWords) {
        this.gazetteer = new Gazetteer(territories, commonWords);
        for (Territory territory : territories) {
            if (territory.kind() == Kind.DEPARTEMENT) {
                departementsByCode.put(territory.departement().toLowerCase(java.util.Locale.ROOT), territory);
            }
        }
    }

    int names() {
        return gazetteer.size();
    }

    /** The territories named and which words name them (so that theme rules can ignore those words). */
    record Found(Set<String> keys, BitSet nameWords) {
    }

    Found territories(List<Token> tokens) {
        List<Mention> mentions = gazetteer.find(tokens);
        boolean shouting = tokens.stream().noneMatch(t -> !t.original().equals(t.original().toUpperCase(java.util.Locale.ROOT)));
        Map<Mention, Qualifier> qualifiers = new HashMap<>();
        Set<Mention> consumed = new HashSet<>();
        for (int m = 0; m < mentions.size(); m++) {
            Qualifier qualifier = qualifier(tokens, mentions, m, consumed);
            if (qualifier != null) {
                qualifiers.put(mentions.get(m), qualifier);
            }
        }
        Set<String> keys = new TreeSet<>();
        BitSet nameWords = new BitSet(tokens.size());
        for (Mention mention : consumed) {
            nameWords.set(mention.start(), mention.end() + 1);
        }
        Set<String> contextDepartements = new HashSet<>();
        Set<String> contextRegions = new HashSet<>();
        List<List<Territory>> homonyms = new ArrayList<>();
        for (Qualifier qualifier : qualifiers.values()) {
            contextDepartements.addAll(qualifier.departements);
            contextRegions.addAll(qualifier.regions);
        }
        for (Mention mention : mentions) {
            if (consumed.contains(mention)) {
                continue;
            }
            List<Territory> candidates = candidates(tokens, mention, qualifiers.get(mention), shouting);
            if (!candidates.isEmpty()) {
                nameWords.set(mention.start(), mention.end() + 1);
            }
            List<Territory> communes = candidates.stream().filter(t -> t.kind() == Kind.COMMUNE).toList();
            if (communes.size() > 1 && communes.size() == candidates.size()) {
                homonyms.add(communes);
                continue;
            }
            for (Territory territory : candidates) {
                keys.add(territory.key());
                if (territory.kind() == Kind.REGION) {
                    contextRegions.add(territory.region());
                } else if (territory.departement() != null) {
                    contextDepartements.add(territory.departement());
                }
            }
        }
        for (List<Territory> communes : homonyms) {
            Territory chosen = disambiguate(communes, contextDepartements, contextRegions);
            if (chosen != null) {
                keys.add(chosen.key());
            }
        }
        return new Found(keys, nameWords);
    }

    private List<Territory> candidates(List<Token> tokens, Mention mention, Qualifier qualifier, boolean shouting) {
        List<Surface> surfaces = mention.surfaces();
        Token first = tokens.get(mention.start());
        if (mention.start() == mention.end() && first.allCaps() && !shouting
                && surfaces.stream().noneMatch(Surface::acronym)) {
            return List.of();
        }
        if (qualifier != null) {
            List<Territory> qualified = surfaces.stream().map(Surface::territory)
                    .filter(t -> t.kind() == Kind.COMMUNE && qualifier.matches(t)).toList();
            if (!qualified.isEmpty()) {
                return qualified;
            }
        }
        if (!shouting && !capitalised(tokens, mention)) {
            return List.of();
        }
        List<Territory> all = surfaces.stream().map(Surface::territory).distinct().toList();
        Kind cue = applicableCue(cue(tokens, mention.start()), all);
        if (mention.tiny() && cue == null) {
            return List.of();
        }
        if (mention.weak() && cue == null && first.sentenceStart() && !followedByColon(tokens, mention)) {
            return List.of();
        }
        if (cue != null) {
            Kind wanted = cue;
            return all.stream().filter(t -> t.kind() == wanted || wanted == Kind.COMMUNE && t.kind() == Kind.EPCI).toList();
        }
        List<Territory> epci = all.stream().filter(t -> t.kind() == Kind.EPCI).toList();
        if (!epci.isEmpty()) {
            return epci;
        }
        List<Territory> areas = all.stream().filter(t -> t.kind() == Kind.DEPARTEMENT || t.kind() == Kind.REGION).toList();
        if (!areas.isEmpty()) {
            Set<String> codes = new HashSet<>();
            areas.stream().filter(t -> t.kind() == Kind.DEPARTEMENT).forEach(t -> codes.add(t.departement()));
            List<Territory> result = new ArrayList<>(areas);
            // Paris is a commune and a département of the same name
            all.stream().filter(t -> t.kind() == Kind.COMMUNE && codes.contains(t.departement())).forEach(result::add);
            return result;
        }
        return all;
    }

    private static Territory disambiguate(List<Territory> communes, Set<String> departements, Set<String> regions) {
        List<Territory> inContext = communes.stream()
                .filter(t -> departements.contains(t.departement()) || regions.contains(t.region())).toList();
        if (inContext.size() == 1) {
            return inContext.get(0);
        }
        List<Territory> pool = new ArrayList<>(inContext.isEmpty() ? communes : inContext);
        pool.sort(Comparator.comparingLong(Territory::population).reversed());
        long second = pool.get(1).population();
        return pool.get(0).population() >= DOMINANCE * Math.max(second, 1) ? pool.get(0) : null;
    }

    private static boolean capitalised(List<Token> tokens, Mention mention) {
        for (int k = mention.start(); k <= mention.end(); k++) {
            Token token = tokens.get(k);
            if (token.capitalised() && !Set.of("le", "la", "les", "l", "de", "du", "des", "d").contains(token.folded())) {
                return true;
            }
        }
        return false;
    }

    /** A cue that names a kind none of the candidates has ("communes de La Réunion") is no cue. */
    private static Kind applicableCue(Kind cue, List<Territory> candidates) {
        if (cue == null) {
            return null;
        }
        boolean applies = candidates.stream().anyMatch(t -> t.kind() == cue || cue == Kind.COMMUNE && t.kind() == Kind.EPCI);
        return applies ? cue : null;
    }

    private static boolean followedByColon(List<Token> tokens, Mention mention) {
        return mention.end() + 1 < tokens.size() && tokens.get(mention.end() + 1).gapBefore().contains(":");
    }

    /** "commune de", "ville d'", "département de la", "région" just before the name. */
    private static Kind cue(List<Token> tokens, int start) {
        for (int back = 1; back <= 3 && start - back >= 0; back++) {
            if (tokens.get(start - back + 1).gapBefore().matches("(?s).*[(),:.;\n].*")) {
                return null;
            }
            String word = tokens.get(start - back).folded();
            if (word.equals("departement") || word.equals("departements")) {
                return Kind.DEPARTEMENT;
            }
            if (word.equals("region")) {
                return Kind.REGION;
            }
            if (COMMUNE_CUES.contains(word) && back >= 2 && OF.contains(tokens.get(start - back + 1).folded())) {
                return Kind.COMMUNE;
            }
        }
        return null;
    }

    /** "(Vaucluse)", "(La Réunion)", "(974)" right after the mention at {@code m}. */
    private Qualifier qualifier(List<Token> tokens, List<Mention> mentions, int m, Set<Mention> consumed) {
        Mention mention = mentions.get(m);
        int next = mention.end() + 1;
        if (next >= tokens.size() || !tokens.get(next).gapBefore().contains("(")) {
            return null;
        }
        Territory byCode = departementsByCode.get(tokens.get(next).folded());
        if (byCode != null && closes(tokens, next)) {
            return new Qualifier(Set.of(byCode.departement()), Set.of());
        }
        if (m + 1 < mentions.size() && mentions.get(m + 1).start() == next && closes(tokens, mentions.get(m + 1).end())) {
            Mention inside = mentions.get(m + 1);
            Set<String> departements = new HashSet<>();
            Set<String> regions = new HashSet<>();
            for (Surface surface : inside.surfaces()) {
                Territory territory = surface.territory();
                if (territory.kind() == Kind.DEPARTEMENT) {
                    departements.add(territory.departement());
                } else if (territory.kind() == Kind.REGION) {
                    regions.add(territory.region());
                }
            }
            if (!departements.isEmpty() || !regions.isEmpty()) {
                consumed.add(inside);
                return new Qualifier(departements, regions);
            }
        }
        return null;
    }

    private static boolean closes(List<Token> tokens, int last) {
        return last + 1 >= tokens.size() || tokens.get(last + 1).gapBefore().contains(")");
    }

    private record Qualifier(Set<String> departements, Set<String> regions) {
        boolean matches(Territory territory) {
            return departements.contains(territory.departement()) || regions.contains(territory.region());
        }
    }
}
