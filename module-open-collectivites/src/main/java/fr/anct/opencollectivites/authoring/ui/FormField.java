package fr.anct.opencollectivites.authoring.ui;

import java.util.List;

/**
 * One input of a generated form, from a content-type property: {@code control} is text, textarea,
 * richtext, number, date, checkbox, lines (one value per line) or reference (text with a datalist).
 */
public record FormField(String name, String label, String control, boolean required, String value,
                        String step, List<String> options, String error) {
}
