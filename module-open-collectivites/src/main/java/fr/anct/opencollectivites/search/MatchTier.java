package fr.anct.opencollectivites.search;

import java.util.List;

/**
 * One way a text matches collectivités, with the score of its rank tier: the terms to look up and,
 * for prefixes longer than {@link IndexFields#MAX_PREFIX}, how to confirm a match on the names.
 */
record MatchTier(float score, NameCheck check, List<Lookup> lookups) {

    /**
     * @param text     the whole searched text
     * @param termText the indexed term to look up: the text, or its first {@link IndexFields#MAX_PREFIX}
     *                 characters when only a check on the names can tell
     */
    record Lookup(String field, String text, String termText) {
        boolean needsCheck() {
            return !text.equals(termText);
        }
    }

    /** How a long prefix is confirmed against a document's folded names (current first, then former). */
    enum NameCheck {
        NAME_START {
            @Override
            boolean matches(List<String> names, String prefix) {
                return startsWith(names.get(0), prefix);
            }
        },
        WORD_START {
            @Override
            boolean matches(List<String> names, String prefix) {
                return IndexFields.laterWordSuffixes(names.get(0)).stream().anyMatch(s -> s.startsWith(prefix));
            }
        },
        FORMER_NAME {
            @Override
            boolean matches(List<String> names, String prefix) {
                return names.stream().skip(1).anyMatch(name -> startsWith(name, prefix)
                        || IndexFields.laterWordSuffixes(name).stream().anyMatch(s -> s.startsWith(prefix)));
            }
        };

        abstract boolean matches(List<String> names, String prefix);

        private static boolean startsWith(String name, String prefix) {
            return name.startsWith(prefix) || NameFolding.compact(name).startsWith(prefix);
        }
    }
}
