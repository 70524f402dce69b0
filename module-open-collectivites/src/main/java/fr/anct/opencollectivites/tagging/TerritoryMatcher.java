package fr.anct.opencollectivites.tagging;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import fr.anct.opencollectivites.tagging.Gazetteer.Mention;
import fr.anct.opencollectivites.tagging.Gazetteer.Source;
import fr.anct.opencollectivites.tagging.Gazetteer.Surface;
import fr.anct.opencollectivites.tagging.Territory.Kind;

/**
 * Decides which names found in a text really name a territory (docs/tagging.md):
 * <ul>
 * <li>a name is written with a capital ("le marché de l'orange" names nothing); acronyms (DGF, RSA) are
 *     not names; a name that is also a common word ("Orange", "Somme") needs context, a one- or two-letter
 *     name ("Y", "Eu") a cue; a common word joined to another word ("Outre-Mer", "Grand Sud") is part of it;</li>
 * <li>set phrases, cardinal points, excluded places ("hors Mayotte") and rivers ("la vallée du Rhône") are
 *     not places ({@link PlaceRules});</li>
 * <li>other names count as names: abbreviations and nicknames, former régions (today's région and the
 *     former one), demonyms and adjectives ("population normande", "agglomération bordelaise", "métropole
 *     rennaise");</li>
 * <li>a commune right after an intercommunality word ("la métropole de Rennes", "la communauté
 *     d'agglomération de Bastia"), in a list that follows one, or listed with intercommunalités, names the
 *     intercommunalité whose largest commune it is;</li>
 * <li>a département or région in parentheses right after a commune says which homonym is meant and is not a
 *     tag itself; homonymous communes are told apart by the départements and régions the text names, else by
 *     a population ten times the next one's, else left out.</li>
 * </ul>
 */
final class TerritoryMatcher {
    private static final Set<String> COMMUNE_CUES = Set.of("commune", "ville", "mairie", "maire", "municipalite");
    private static final Set<String> OF = Set.of("de", "d", "du", "des");
    private static final Set<String> PARTICLES = Set.of("de", "d", "du", "des", "la", "l", "le", "les");
    private static final Set<String> ARTICLES = Set.of("le", "la", "les", "l");
    private static final int DOMINANCE = 10;

    /** Why a territory was tagged, or why words that look like a name were left out. */
    record Reason(String rule, String words, String key) {
    }

    /** The territories named, which words name them (so that theme rules can ignore those words), and why. */
    record Found(Set<String> keys, BitSet nameWords, List<Reason> reasons, List<Reason> ignored) {
    }

    private final Gazetteer gazetteer;
    private final PlaceRules rules;
    private final Map<String, Territory> departementsByCode = new HashMap<>();
    private final Map<String, Territory> byKey = new HashMap<>();
    /** commune key → the EPCI whose largest commune it is. */
    private final Map<String, Territory> epciOfMainCommune = new HashMap<>();

    TerritoryMatcher(Collection<Territory> territories, Set<String> commonWords, PlaceRules rules) {
        this.gazetteer = new Gazetteer(territories, commonWords, rules);
        this.rules = rules;
        Map<String, Territory> largest = new HashMap<>();
        for (Territory territory : territories) {
            byKey.put(territory.key(), territory);
            if (territory.kind() == Kind.DEPARTEMENT) {
                departementsByCode.put(territory.departement().toLowerCase(Locale.ROOT), territory);
            }
            if (territory.kind() == Kind.COMMUNE && territory.epci() != null) {
                largest.merge(territory.epci(), territory,
                        (a, b) -> b.population() > a.population() ? b : a);
            }
        }
        largest.forEach((epciKey, commune) -> {
            Territory epci = byKey.get(epciKey);
            if (epci != null) {
                epciOfMainCommune.put(commune.key(), epci);
            }
        });
    }

    int names() {
        return gazetteer.size();
    }

    /** The name of a territory the matcher knows, or of a former région; else the key itself. */
    String name(String key) {
        Territory territory = byKey.get(key);
        if (territory != null) {
            return territory.name();
        }
        return rules.formerRegions().stream().filter(former -> former.key().equals(key))
                .map(PlaceRules.FormerRegion::name).findFirst().orElse(key);
    }

    /** One mention's reading: the territories it names and the rule that decided, or why it names none. */
    private record Decision(List<Territory> territories, List<String> extraKeys, String rule) {
        static Decision none(String rule) {
            return new Decision(List.of(), List.of(), rule);
        }
    }

    Found territories(List<Token> tokens) {
        List<Mention> mentions = gazetteer.find(tokens);
        boolean shouting = tokens.stream().noneMatch(t -> !t.original().equals(t.original().toUpperCase(Locale.ROOT)));
        Map<Mention, Qualifier> qualifiers = new HashMap<>();
        Set<Mention> consumed = new HashSet<>();
        for (int m = 0; m < mentions.size(); m++) {
            Qualifier qualifier = qualifier(tokens, mentions, m, consumed);
            if (qualifier != null) {
                qualifiers.put(mentions.get(m), qualifier);
            }
        }
        BitSet nameWords = new BitSet(tokens.size());
        for (Mention mention : consumed) {
            nameWords.set(mention.start(), mention.end() + 1);
        }
        Set<String> otherCompass = capitalisedCompassWords(tokens, mentions);
        Map<Mention, Decision> decisions = new LinkedHashMap<>();
        List<Reason> ignored = new ArrayList<>();
        Set<Mention> rivers = new HashSet<>();
        for (int m = 0; m < mentions.size(); m++) {
            Mention mention = mentions.get(m);
            if (consumed.contains(mention)) {
                continue;
            }
            Decision decision = decide(tokens, mentions, m, qualifiers.get(mention), shouting, otherCompass, rivers);
            if ("river".equals(decision.rule())) {
                rivers.add(mention);
            }
            if (decision.territories().isEmpty()) {
                if (decision.rule() != null) {
                    ignored.add(new Reason(decision.rule(), words(tokens, mention), null));
                }
                continue;
            }
            nameWords.set(mention.start(), mention.end() + 1);
            decisions.put(mention, decision);
        }
        intercommunalitiesOfListedCommunes(tokens, mentions, decisions);

        Set<String> keys = new TreeSet<>();
        List<Reason> reasons = new ArrayList<>();
        Set<String> contextDepartements = new HashSet<>();
        Set<String> contextRegions = new HashSet<>();
        for (Qualifier qualifier : qualifiers.values()) {
            contextDepartements.addAll(qualifier.departements);
            contextRegions.addAll(qualifier.regions);
        }
        Map<Mention, List<Territory>> homonyms = new LinkedHashMap<>();
        for (Map.Entry<Mention, Decision> entry : decisions.entrySet()) {
            List<Territory> candidates = entry.getValue().territories();
            List<Territory> communes = candidates.stream().filter(t -> t.kind() == Kind.COMMUNE).toList();
            if (communes.size() > 1 && communes.size() == candidates.size()) {
                homonyms.put(entry.getKey(), communes);
                continue;
            }
            for (Territory territory : candidates) {
                add(keys, reasons, territory.key(), entry.getValue().rule(), words(tokens, entry.getKey()));
                if (territory.kind() == Kind.REGION) {
                    contextRegions.add(territory.region());
                } else if (territory.departement() != null) {
                    contextDepartements.add(territory.departement());
                }
            }
            for (String extra : entry.getValue().extraKeys()) {
                add(keys, reasons, extra, entry.getValue().rule(), words(tokens, entry.getKey()));
            }
        }
        for (Map.Entry<Mention, List<Territory>> entry : homonyms.entrySet()) {
            Territory chosen = disambiguate(entry.getValue(), contextDepartements, contextRegions);
            if (chosen != null) {
                add(keys, reasons, chosen.key(), "homonym", words(tokens, entry.getKey()));
            } else {
                ignored.add(new Reason("homonym-undecided", words(tokens, entry.getKey()), null));
            }
        }
        return new Found(keys, nameWords, reasons, ignored);
    }

    private static void add(Set<String> keys, List<Reason> reasons, String key, String rule, String words) {
        if (keys.add(key)) {
            reasons.add(new Reason(rule, words, key));
        }
    }

    private Decision decide(List<Token> tokens, List<Mention> mentions, int m, Qualifier qualifier, boolean shouting,
                            Set<String> otherCompass, Set<Mention> rivers) {
        Mention mention = mentions.get(m);
        if (mention.any(Source.NOT_A_PLACE)) {
            return Decision.none("phrase");
        }
        if (excluded(tokens, mention)) {
            return Decision.none("exclusion");
        }
        String text = String.join(" ", TerritoryNames.significant(words(mention, tokens)));
        if (rules.rivers().contains(text) && river(tokens, mentions, m, rivers)) {
            return Decision.none("river");
        }
        if (rules.compass().contains(text) && direction(tokens, mention, text, otherCompass)) {
            return Decision.none("compass");
        }
        boolean capitalised = shouting || capitalised(tokens, mention);
        List<Surface> adjectives = mention.of(Source.ADJECTIVE);
        List<Surface> names = mention.of(Source.NAME, Source.ALIAS, Source.FORMER_REGION);
        if (!capitalised) {
            return adjectives.isEmpty() ? Decision.none(null) : adjective(tokens, mention, adjectives, false);
        }
        Decision byName = names.isEmpty() ? Decision.none(null) : byName(tokens, mention, names, qualifier, shouting);
        if (byName.territories().isEmpty() && !adjectives.isEmpty()) {
            return adjective(tokens, mention, adjectives, true);
        }
        return byName;
    }

    private Decision byName(List<Token> tokens, Mention mention, List<Surface> surfaces, Qualifier qualifier,
                            boolean shouting) {
        Token first = tokens.get(mention.start());
        if (mention.start() == mention.end() && first.allCaps() && !shouting
                && surfaces.stream().noneMatch(Surface::acronym)) {
            return Decision.none("acronym");
        }
        List<Surface> formers = surfaces.stream().filter(s -> s.source() == Source.FORMER_REGION).toList();
        if (!formers.isEmpty()) {
            return new Decision(List.of(formers.get(0).territory()), formers.stream().map(s -> s.former().key()).toList(),
                    "former-region");
        }
        if (qualifier != null) {
            List<Territory> qualified = surfaces.stream().map(Surface::territory)
                    .filter(t -> t.kind() == Kind.COMMUNE && qualifier.matches(t)).toList();
            if (!qualified.isEmpty()) {
                return new Decision(qualified, List.of(), "qualifier");
            }
        }
        String rule = surfaces.stream().allMatch(s -> s.source() == Source.ALIAS) ? "alias" : "name";
        List<Territory> all = surfaces.stream().map(Surface::territory).distinct().toList();
        Kind cue = applicableCue(cue(tokens, mention.start()), all);
        if (mention.tiny() && cue == null) {
            return Decision.none("short-name");
        }
        if (mention.weak() && !shouting && cue == null && partOfAnotherName(tokens, mention)) {
            return Decision.none("compound");
        }
        if (mention.weak() && cue == null && first.sentenceStart() && !followedByColon(tokens, mention)) {
            return Decision.none("common-word");
        }
        if (cue != null) {
            Kind wanted = cue;
            List<Territory> cued = all.stream()
                    .filter(t -> t.kind() == wanted || wanted == Kind.COMMUNE && t.kind() == Kind.EPCI).toList();
            return new Decision(cued, List.of(), "cue");
        }
        List<Territory> epci = all.stream().filter(t -> t.kind() == Kind.EPCI).toList();
        if (!epci.isEmpty()) {
            return new Decision(epci, List.of(), rule);
        }
        List<Territory> areas = all.stream().filter(t -> t.kind() == Kind.DEPARTEMENT || t.kind() == Kind.REGION).toList();
        if (!areas.isEmpty()) {
            Set<String> codes = new HashSet<>();
            areas.stream().filter(t -> t.kind() == Kind.DEPARTEMENT).forEach(t -> codes.add(t.departement()));
            List<Territory> result = new ArrayList<>(areas);
            // Paris is a commune and a département of the same name
            all.stream().filter(t -> t.kind() == Kind.COMMUNE && codes.contains(t.departement())).forEach(result::add);
            return new Decision(result, List.of(), rule);
        }
        Territory epciOfCommune = all.size() == 1 ? intercommunalityCue(tokens, mention, all.get(0)) : null;
        if (epciOfCommune != null) {
            return new Decision(List.of(epciOfCommune), List.of(), "intercommunality");
        }
        return new Decision(all, List.of(), rule);
    }

    /** A demonym or adjective: of a commune only after a town word (after "métropole": its intercommunalité). */
    private Decision adjective(List<Token> tokens, Mention mention, List<Surface> surfaces, boolean capitalised) {
        List<Territory> areas = new ArrayList<>();
        List<Territory> communes = new ArrayList<>();
        for (Surface surface : surfaces) {
            (surface.territory().kind() == Kind.COMMUNE ? communes : areas).add(surface.territory());
        }
        if (!communes.isEmpty()) {
            if (precededBy(tokens, mention.start(), rules.metropolisWords(), 2)) {
                Territory epci = epciOfMainCommune.get(communes.get(0).key());
                return epci == null ? Decision.none("adjective-without-town") : new Decision(List.of(epci), List.of(), "adjective");
            }
            if (capitalised || precededBy(tokens, mention.start(), rules.townWords(), 2)) {
                List<Territory> all = new ArrayList<>(communes);
                all.addAll(areas);
                return new Decision(all, List.of(), "adjective");
            }
            return Decision.none("adjective-without-town");
        }
        return new Decision(areas, List.of(), "adjective");
    }

    /** "la métropole de Rennes", "la communauté d'agglomération de Bastia": the commune's intercommunalité. */
    private Territory intercommunalityCue(List<Token> tokens, Mention mention, Territory commune) {
        Territory epci = commune.kind() == Kind.COMMUNE ? epciOfMainCommune.get(commune.key()) : null;
        return epci != null && intercommunalityBefore(tokens, mention) ? epci : null;
    }

    /**
     * A commune in a list that follows an intercommunality word ("les métropoles de Nantes, Rennes et Lyon"), or
     * listed with an intercommunalité ("derrière Aix-Marseille-Provence et Lyon"), names its intercommunalité
     * (unless that one is in the list too: "Toulouse et Toulouse Métropole").
     */
    private void intercommunalitiesOfListedCommunes(List<Token> tokens, List<Mention> mentions, Map<Mention, Decision> decisions) {
        List<Mention> accepted = new ArrayList<>(decisions.keySet());
        int i = 0;
        while (i < accepted.size()) {
            int j = i;
            while (j + 1 < accepted.size() && listed(tokens, accepted.get(j), accepted.get(j + 1))) {
                j++;
            }
            if (j > i || intercommunalityBefore(tokens, accepted.get(i))) {
                List<Mention> list = accepted.subList(i, j + 1);
                Set<String> listedEpci = new HashSet<>();
                for (Mention member : list) {
                    decisions.get(member).territories().stream().filter(t -> t.kind() == Kind.EPCI)
                            .forEach(t -> listedEpci.add(t.key()));
                }
                boolean cued = intercommunalityBefore(tokens, list.get(0));
                if (cued || !listedEpci.isEmpty() && intercommunalityEarlierInSentence(tokens, mentions, list.get(0))) {
                    for (Mention member : list) {
                        Decision decision = decisions.get(member);
                        if (decision.territories().size() == 1 && decision.territories().get(0).kind() == Kind.COMMUNE) {
                            Territory epci = epciOfMainCommune.get(decision.territories().get(0).key());
                            if (epci != null && !listedEpci.contains(epci.key())) {
                                decisions.put(member, new Decision(List.of(epci), List.of(), "intercommunality"));
                            }
                        }
                    }
                }
            }
            i = j + 1;
        }
    }

    /** An intercommunality word, outside any name, earlier in the sentence ("les métropoles … derrière A et B"). */
    private boolean intercommunalityEarlierInSentence(List<Token> tokens, List<Mention> mentions, Mention head) {
        BitSet inNames = new BitSet(tokens.size());
        mentions.forEach(m -> inNames.set(m.start(), m.end() + 1));
        for (int at = head.start(); at > 0; at--) {
            if (!inNames.get(at - 1) && endsWith(tokens, at, rules.intercommunalityWords())) {
                return true;
            }
            if (tokens.get(at).sentenceStart()) {
                return false;
            }
        }
        return false;
    }

    private boolean intercommunalityBefore(List<Token> tokens, Mention mention) {
        return mention.start() > 0 && OF.contains(tokens.get(mention.start() - 1).folded())
                && cueBefore(tokens, mention.start(), rules.intercommunalityWords(), OF);
    }

    /** Two names one after the other in a list: only commas, "et", "ou" and particles between them. */
    private static boolean listed(List<Token> tokens, Mention first, Mention second) {
        if (second.start() <= first.end()) {
            return false;
        }
        boolean connector = false;
        for (int k = first.end() + 1; k <= second.start(); k++) {
            String gap = tokens.get(k).gapBefore();
            if (breaksList(gap)) {
                return false;
            }
            connector |= gap.contains(",");
            if (k < second.start()) {
                String word = tokens.get(k).folded();
                if (word.equals("et") || word.equals("ou")) {
                    connector = true;
                } else if (!PARTICLES.contains(word)) {
                    return false;
                }
            }
        }
        return connector;
    }

    private static boolean breaksList(String gap) {
        return gap.contains(".") || gap.contains(";") || gap.contains(":") || gap.contains("(") || gap.contains(")")
                || gap.contains("\n");
    }

    /** "hors Mayotte", "sauf en Corse", "à l'exception de la Guyane". */
    private boolean excluded(List<Token> tokens, Mention mention) {
        return cueBefore(tokens, mention.start(), rules.exclusions(), Set.of("de", "d", "du", "des", "la", "l", "le", "les", "en", "a"));
    }

    /**
     * A river, not the département or commune of the same name: after a river word ("la vallée du Rhône", "le long
     * de la Loire", "au nord de la Loire", "l'axe Rhin-Rhône"), joined by a hyphen to another river ("Rhin-Rhône"),
     * or listed after a river ("les vallées du Rhône et de l'Isère").
     */
    private boolean river(List<Token> tokens, List<Mention> mentions, int m, Set<Mention> rivers) {
        Mention mention = mentions.get(m);
        if (cueBefore(tokens, mention.start(), rules.riverWords(), PARTICLES)) {
            return true;
        }
        if (mention.start() > 0 && tokens.get(mention.start()).gapBefore().equals("-")
                && rules.rivers().contains(tokens.get(mention.start() - 1).folded())) {
            return true;
        }
        return m > 0 && rivers.contains(mentions.get(m - 1)) && listed(tokens, mentions.get(m - 1), mention);
    }

    /** "au Nord", "vers le nord", "le Nord de la France", or a text naming other cardinal points as places. */
    private boolean direction(List<Token> tokens, Mention mention, String word, Set<String> otherCompass) {
        int before = mention.start() - 1;
        while (before >= 0 && ARTICLES.contains(tokens.get(before).folded())) {
            before--;
        }
        if (before >= 0 && Set.of("au", "vers", "a").contains(tokens.get(before).folded())) {
            return true;
        }
        int after = mention.end() + 1;
        if (after < tokens.size() && OF.contains(tokens.get(after).folded()) && !breaksList(tokens.get(after).gapBefore())
                && !tokens.get(after).gapBefore().contains(",")) {
            return true;
        }
        return otherCompass.stream().anyMatch(other -> !other.equals(word));
    }

    /** Cardinal points written alone with a capital ("l'Ouest et le Sud"), as places. */
    private Set<String> capitalisedCompassWords(List<Token> tokens, List<Mention> mentions) {
        BitSet inPhrase = new BitSet(tokens.size());
        for (Mention mention : mentions) {
            if (mention.start() != mention.end() || !rules.compass().contains(tokens.get(mention.start()).folded())) {
                inPhrase.set(mention.start(), mention.end() + 1);
            }
        }
        Set<String> found = new HashSet<>();
        for (int k = 0; k < tokens.size(); k++) {
            Token token = tokens.get(k);
            boolean joined = token.gapBefore().equals("-") || k + 1 < tokens.size() && tokens.get(k + 1).gapBefore().equals("-");
            if (!inPhrase.get(k) && !joined && token.capitalised() && rules.compass().contains(token.folded())) {
                found.add(token.folded());
            }
        }
        return found;
    }

    /**
     * A common word joined to another one ("Outre-Mer", "Grand-Est") or followed by another capitalised word that
     * names nothing ("Grand Sud", "Palais des Congrès") is part of another name, not the place.
     */
    private boolean partOfAnotherName(List<Token> tokens, Mention mention) {
        if (mention.start() > 0 && tokens.get(mention.start()).gapBefore().equals("-")
                && !startsAPlace(tokens, mention.start() - 1, true)) {
            return true;
        }
        int next = mention.end() + 1;
        if (next >= tokens.size()) {
            return false;
        }
        if (tokens.get(next).gapBefore().equals("-")) {
            return !startsAPlace(tokens, next, false);
        }
        if (!tokens.get(next).gapBefore().isBlank() || tokens.get(next).gapBefore().contains("\n")) {
            return false;
        }
        if (OF.contains(tokens.get(next).folded()) && next + 1 < tokens.size()) {
            next++;
            if (ARTICLES.contains(tokens.get(next).folded()) && next + 1 < tokens.size()) {
                next++;
            }
        }
        Token following = tokens.get(next);
        return following.capitalised() && !following.sentenceStart() && !following.allCaps()
                && !startsAPlace(tokens, next, false);
    }

    /** Whether a place name starts (or, looking back, ends) at {@code at}: "Savoie-Jura", "Dijon-Mâcon" are lists. */
    private boolean startsAPlace(List<Token> tokens, int at, boolean endingHere) {
        int from = endingHere ? Math.max(0, at - 5) : at;
        int to = endingHere ? at + 1 : Math.min(tokens.size(), at + 6);
        for (Mention m : gazetteer.find(tokens.subList(from, to))) {
            boolean here = endingHere ? m.end() == at - from : m.start() == 0;
            if (here && !m.any(Source.NOT_A_PLACE) && !m.of(Source.NAME, Source.ALIAS, Source.FORMER_REGION).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** One of the phrases within {@code window} words before {@code start}, in the same sentence. */
    private boolean precededBy(List<Token> tokens, int start, List<List<String>> phrases, int window) {
        for (int at = start; at >= Math.max(0, start - window); at--) {
            if (endsWith(tokens, at, phrases)) {
                return true;
            }
            if (breaksList(tokens.get(at).gapBefore())) {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether one of the phrases ends right before {@code start}, or before the {@code skippable} words (articles,
     * "de"…) that precede it: "la vallée du Rhône", "hors de la Guyane".
     */
    private static boolean cueBefore(List<Token> tokens, int start, List<List<String>> phrases, Set<String> skippable) {
        for (int at = start; at >= 0; at--) {
            if (endsWith(tokens, at, phrases)) {
                return true;
            }
            if (at == 0 || !skippable.contains(tokens.get(at - 1).folded()) || breaksList(tokens.get(at).gapBefore())) {
                return false;
            }
        }
        return false;
    }

    /** Whether one of the phrases ends right before token {@code at}, in the same sentence. */
    private static boolean endsWith(List<Token> tokens, int at, List<List<String>> phrases) {
        for (List<String> phrase : phrases) {
            int from = at - phrase.size();
            if (from < 0) {
                continue;
            }
            boolean match = at >= tokens.size() || !breaksList(tokens.get(at).gapBefore());
            for (int k = 0; k < phrase.size() && match; k++) {
                match = tokens.get(from + k).folded().equals(phrase.get(k))
                        && (k == 0 || !breaksList(tokens.get(from + k).gapBefore()));
            }
            if (match) {
                return true;
            }
        }
        return false;
    }

    private static List<String> words(Mention mention, List<Token> tokens) {
        List<String> words = new ArrayList<>();
        for (int k = mention.start(); k <= mention.end(); k++) {
            words.add(tokens.get(k).folded());
        }
        return words;
    }

    private static String words(List<Token> tokens, Mention mention) {
        return Tokenizer.original(tokens, mention.start(), mention.end());
    }

    /**
     * The homonym the text's context points to: the only one in a département the text names, else the only one in a
     * région it names, else one ten times more populated than the next (among those in context, if any), else none.
     */
    private static Territory disambiguate(List<Territory> communes, Set<String> departements, Set<String> regions) {
        List<Territory> inDepartement = communes.stream().filter(t -> departements.contains(t.departement())).toList();
        if (inDepartement.size() == 1) {
            return inDepartement.get(0);
        }
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
            if (token.capitalised() && !PARTICLES.contains(token.folded())) {
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
                if (territory == null || surface.source() == Source.ADJECTIVE) {
                    continue;
                }
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
