package fr.anct.opencollectivites.content;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key naming a collectivité in editorial content, tags and mini-sites: {@code commune:42218},
 * {@code epci:244200770} (SIREN), {@code departement:2A}, {@code region:84}. The value of a
 * {@code territory} property; whether the territory exists is the référentiel's to say.
 */
public record TerritoryKey(Level level, String code) {
    private static final Pattern KEY = Pattern.compile("\\s*([A-Za-z]+)\\s*:\\s*([0-9A-Za-z]{2,9})\\s*");

    public enum Level {
        COMMUNE("commune"), EPCI("epci"), DEPARTEMENT("departement"), REGION("region");

        private final String prefix;

        Level(String prefix) {
            this.prefix = prefix;
        }

        /** Also the name of the content type and of the search type. */
        public String prefix() {
            return prefix;
        }

        static Optional<Level> of(String prefix) {
            for (Level level : values()) {
                if (level.prefix.equals(prefix)) {
                    return Optional.of(level);
                }
            }
            return Optional.empty();
        }
    }

    /** Accepts spaces around the parts and any case: {@code Commune : 2a004} is {@code commune:2A004}. */
    public static Optional<TerritoryKey> parse(String text) {
        Matcher matcher = KEY.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Level.of(matcher.group(1).toLowerCase(Locale.ROOT))
                .map(level -> new TerritoryKey(level, matcher.group(2).toUpperCase(Locale.ROOT)));
    }

    public static TerritoryKey of(String levelPrefix, String code) {
        return new TerritoryKey(Level.of(levelPrefix).orElseThrow(), code.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return level.prefix + ":" + code;
    }
}
