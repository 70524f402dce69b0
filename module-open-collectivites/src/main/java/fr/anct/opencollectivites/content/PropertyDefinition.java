package fr.anct.opencollectivites.content;

/**
 * One property of a content type.
 *
 * @param indexed our one extension to Magnolia's format: the repository keeps a property index on it,
 *                so that queries filtering on it never traverse (codes, SIREN, references, dates).
 */
public record PropertyDefinition(String name, PropertyType type, boolean required, boolean multiple,
                                 boolean indexed, String label, int line) {
}
