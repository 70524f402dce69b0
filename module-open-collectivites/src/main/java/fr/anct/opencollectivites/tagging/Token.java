package fr.anct.opencollectivites.tagging;

/**
 * One word of a text.
 *
 * @param folded        lower case, accents removed, "st"/"ste" expanded (as {@code NameFolding.fold})
 * @param original      the word as written
 * @param gapBefore     what separates it from the previous word (punctuation, spaces)
 * @param sentenceStart first word of the title, of the summary or of a sentence
 */
record Token(String folded, String original, String gapBefore, boolean sentenceStart) {

    boolean capitalised() {
        return !original.isEmpty() && Character.isUpperCase(original.codePointAt(0));
    }

    /** An acronym such as DGF or RSA: two letters or more, all upper case. */
    boolean allCaps() {
        int letters = 0;
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }
}
