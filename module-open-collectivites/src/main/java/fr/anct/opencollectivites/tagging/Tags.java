package fr.anct.opencollectivites.tagging;

import java.util.Set;

/**
 * What a text is about: territory keys ({@code commune:31135}, {@code epci:200054781},
 * {@code departement:31}, {@code region:76}) and theme codes ({@code finances-fiscalite}).
 */
public record Tags(Set<String> territories, Set<String> themes) {
    public static final Tags NONE = new Tags(Set.of(), Set.of());

    public Tags {
        territories = Set.copyOf(territories);
        themes = Set.copyOf(themes);
    }
}
