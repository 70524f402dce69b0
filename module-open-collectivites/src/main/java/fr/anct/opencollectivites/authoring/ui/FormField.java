package fr.anct.opencollectivites.authoring.ui;

import java.util.List;

/**
 * One input of a generated form, from a content-type property: {@code control} is text, richtext (a
 * textarea the editor enhances), number, date, checkbox, lines (one value per line), reference (a select of
 * {@code choices} with a search field, {@code search} its text), asset (a choice among the folder's assets,
 * with thumbnails, and a file input), subform (a sub-model: {@code children}) or subforms (a multiple
 * sub-model: {@code rows}, each with its own fields). Names of nested fields are dotted paths:
 * {@code adresse.rue}, {@code contacts.0.nom}.
 */
public record FormField(String name, String label, String control, boolean required, String value,
                        String step, List<String> options, String error, List<Choice> choices,
                        List<FormField> children, List<Row> rows, String search) {

    public FormField(String name, String label, String control, boolean required, String value, String step,
                     List<String> options, String error) {
        this(name, label, control, required, value, step, options, error, List.of(), List.of(), List.of(), "");
    }

    /** An option of a reference or asset picker; {@code thumbnail} is an image URL, or empty. */
    public record Choice(String value, String label, String thumbnail, boolean selected) {
    }

    /** One item of a multiple sub-model: {@code name} is its field prefix ({@code contacts.0}). */
    public record Row(int index, String name, List<FormField> fields) {
    }
}
