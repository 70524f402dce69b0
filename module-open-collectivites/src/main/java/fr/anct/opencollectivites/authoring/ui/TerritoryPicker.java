package fr.anct.opencollectivites.authoring.ui;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.collectivites.Territories;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.TerritoryKey;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.search.SearchHit;
import fr.anct.opencollectivites.search.SearchService;
import fr.anct.opencollectivites.search.SearchType;

/**
 * The input of a {@code territory} property: the key (one per line when multiple), the name of each
 * territory it names, and a search over the collectivités' index whose results the author picks with
 * « Choisir » (« Ajouter » when multiple): no key to type by hand, and no JavaScript needed
 * (js/authoring-form.js fills the same list as one types).
 */
final class TerritoryPicker {
    static final String CHOICE = "choix";
    private static final int MAX_RESULTS = 12;
    private static final List<SearchType> SEARCHED = List.of(SearchType.COMMUNE, SearchType.EPCI,
            SearchType.DEPARTEMENT, SearchType.REGION);

    private final Territories territories;
    private final SearchService search;
    private final Messages messages;

    /** @param search the collectivités' index; null: only keys typed by hand (tests without an index) */
    TerritoryPicker(ContentTypeRegistry registry, SearchService search, Messages messages) {
        this.territories = new Territories(registry);
        this.search = search;
        this.messages = messages;
    }

    FormField field(Session session, String name, String label, boolean required, boolean multiple, String value,
                    String error, String searchText) throws RepositoryException {
        List<String> named = new ArrayList<>();
        for (String line : value.lines().map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            named.add(describe(session, line));
        }
        return new FormField(name, label, multiple ? "territories" : "territory", required, value, "", named, error,
                results(searchText), List.of(), List.of(), searchText);
    }

    /** « Saint-Étienne (commune 42218) »; a key the référentiel does not know is said so. */
    private String describe(Session session, String text) throws RepositoryException {
        Optional<TerritoryKey> key = TerritoryKey.parse(text);
        if (key.isEmpty()) {
            return messages.get("authoring.ui.territory.malformed", text);
        }
        Optional<String> name = territories.name(session, key.get());
        return name.isPresent() ? label(name.get(), key.get())
                : messages.get("authoring.ui.territory.unknown", key.get().toString());
    }

    private String label(String name, TerritoryKey key) {
        return messages.get("authoring.ui.territory.label", name,
                messages.get("authoring.ui.territory.level." + key.level().prefix()), key.code());
    }

    private List<FormField.Choice> results(String searchText) {
        if (search == null || searchText.isBlank()) {
            return List.of();
        }
        List<FormField.Choice> choices = new ArrayList<>();
        for (SearchHit hit : search.search(searchText, SEARCHED, MAX_RESULTS).results()) {
            if (hit.typecom() != null && !"COM".equals(hit.typecom()) && !"ARM".equals(hit.typecom())) {
                continue; // communes déléguées and associées have no fiche of their own
            }
            TerritoryKey key = TerritoryKey.of(hit.type(), hit.code());
            String where = hit.departementNom() != null && !"departement".equals(hit.type())
                    ? messages.get("authoring.ui.territory.in", hit.departementNom()) : "";
            choices.add(new FormField.Choice(key.toString(), label(hit.nom(), key) + where, "", choices.isEmpty()));
        }
        return choices;
    }

    /**
     * The values after « Choisir » (replaces the key) or « Ajouter » (appends it, once) with the territory
     * picked in the results list, sent as {@code <field>.choix}.
     */
    static Map<String, String> withChoice(Map<String, String> values, String field, boolean append) {
        Optional<TerritoryKey> picked = TerritoryKey.parse(values.getOrDefault(field + "." + CHOICE, ""));
        if (picked.isEmpty()) {
            return values;
        }
        Map<String, String> copy = new java.util.HashMap<>(values);
        copy.remove(field + "." + CHOICE);
        if (!append) {
            copy.put(field, picked.get().toString());
            return copy;
        }
        Set<String> lines = new LinkedHashSet<>(values.getOrDefault(field, "").lines().map(String::strip)
                .filter(s -> !s.isEmpty()).toList());
        lines.add(picked.get().toString());
        copy.put(field, String.join("\n", lines));
        return copy;
    }
}
