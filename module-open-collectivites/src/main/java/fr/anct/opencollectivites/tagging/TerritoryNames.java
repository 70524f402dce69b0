package fr.anct.opencollectivites.tagging;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ways a text names a territory: its official name, without its article ("au Havre"), and for an
 * EPCI the DGCL's abbreviations written out ("CA de Bastia": "communauté d'agglomération de Bastia"),
 * the name without the legal form when it keeps two words or more ("Grand Reims") and its acronym
 * ("CINOR").
 */
final class TerritoryNames {
    private static final Set<String> ARTICLES = Set.of("le", "la", "les", "l");
    private static final Set<String> PARTICLES = Set.of("de", "du", "des", "d", "la", "l", "le", "les");
    private static final Map<String, String> LEGAL_FORMS = Map.of(
            "CC", "Communauté de communes",
            "CA", "Communauté d'agglomération",
            "CU", "Communauté urbaine");
    private static final Pattern PARENTHESES = Pattern.compile("\\s*\\(([^)]*)\\)\\s*");
    private static final Pattern ACRONYM = Pattern.compile("[A-Z]{4,}");
    private static final List<String> FORM_WORDS = List.of("communaute de communes", "communaute d agglomeration",
            "communaute urbaine", "metropole", "eurometropole", "communaute de l agglomeration");

    private TerritoryNames() {
    }

    /** Each variant as folded words; acronyms are marked by {@link #isAcronym}. */
    static Set<List<String>> variants(Territory territory) {
        Set<List<String>> variants = new LinkedHashSet<>();
        String name = territory.name();
        if (territory.kind() == Territory.Kind.EPCI) {
            Matcher parentheses = PARENTHESES.matcher(name);
            while (parentheses.find()) {
                if (ACRONYM.matcher(parentheses.group(1).trim()).matches()) {
                    variants.add(List.of(parentheses.group(1).trim().toLowerCase(java.util.Locale.ROOT)));
                }
            }
            name = PARENTHESES.matcher(name).replaceAll(" ").trim();
            String[] parts = name.split("\\s+", 2);
            String expanded = parts.length == 2 && LEGAL_FORMS.containsKey(parts[0])
                    ? LEGAL_FORMS.get(parts[0]) + " " + parts[1] : name;
            variants.add(Tokenizer.foldedWords(expanded));
            variants.add(Tokenizer.foldedWords(name));
            List<String> core = withoutLegalForm(Tokenizer.foldedWords(expanded));
            if (core.size() >= 2) {
                variants.add(core);
            }
        } else {
            List<String> words = Tokenizer.foldedWords(name);
            variants.add(words);
            if (words.size() > 1 && ARTICLES.contains(words.get(0))) {
                variants.add(words.subList(1, words.size()));
            }
        }
        variants.removeIf(List::isEmpty);
        return variants;
    }

    static boolean isAcronym(List<String> words, Territory territory) {
        return territory.kind() == Territory.Kind.EPCI && words.size() == 1
                && territory.name().toUpperCase(java.util.Locale.ROOT).contains("(" + words.get(0).toUpperCase(java.util.Locale.ROOT) + ")");
    }

    /** The words that say which place it is, articles left out: weakness and capitals are judged on these. */
    static List<String> significant(List<String> words) {
        int start = 0;
        while (start < words.size() - 1 && ARTICLES.contains(words.get(start))) {
            start++;
        }
        return words.subList(start, words.size());
    }

    private static List<String> withoutLegalForm(List<String> words) {
        String joined = String.join(" ", words);
        for (String form : FORM_WORDS) {
            if (joined.startsWith(form + " ")) {
                List<String> rest = words.subList(form.split(" ").length, words.size());
                int start = 0;
                while (start < rest.size() && PARTICLES.contains(rest.get(start))) {
                    start++;
                }
                return rest.subList(start, rest.size());
            }
            if (joined.endsWith(" " + form)) {
                return List.of();
            }
        }
        return List.of();
    }
}
