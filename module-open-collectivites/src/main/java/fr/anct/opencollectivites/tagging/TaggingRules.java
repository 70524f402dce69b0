package fr.anct.opencollectivites.tagging;

import java.nio.file.Path;

/**
 * The tagger's data, read from the light module's {@code tagging/} folder like the other definitions:
 * the themes' keyword rules ({@code themes.yaml}), the other names of collectivités ({@code names.yaml})
 * and what looks like a place but is not ({@code not-places.yaml}). A mistake stops startup with the file
 * and line; a change takes effect at the next start (and the next harvest or retagging).
 */
public record TaggingRules(ThemeRules themes, PlaceRules places) {
    public static TaggingRules load(Path lightModule) {
        return new TaggingRules(ThemeRules.load(lightModule), PlaceRules.load(lightModule));
    }
}
