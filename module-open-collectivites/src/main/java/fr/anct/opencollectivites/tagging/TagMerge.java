package fr.anct.opencollectivites.tagging;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/** Effective tags = found automatically ∪ added by an editor − removed by an editor. */
public final class TagMerge {
    private TagMerge() {
    }

    public static Set<String> effective(Collection<String> auto, Collection<String> manual, Collection<String> excluded) {
        Set<String> effective = new TreeSet<>(auto);
        effective.addAll(manual);
        effective.removeAll(excluded);
        return effective;
    }
}
