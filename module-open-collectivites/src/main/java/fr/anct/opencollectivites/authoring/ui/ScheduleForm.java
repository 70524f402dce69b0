package fr.anct.opencollectivites.authoring.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import jakarta.ws.rs.core.MultivaluedMap;

import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.publishing.ItemPath;
import fr.anct.opencollectivites.publishing.Workflow;

/**
 * The "Programmer" fieldset of the content form and the page editor: a publish and an unpublish date and
 * time, typed in Europe/Paris time and stored as instants by {@link Workflow#schedule}; the current
 * schedule with a cancel button. The fieldset is shown to those who may publish the item; the repository
 * decides (only they may write the publication record), so a forged post by anyone else is refused.
 */
final class ScheduleForm {
    static final String SCHEDULE = "programmer";
    static final String CANCEL = "deprogrammer";
    static final Set<String> ACTIONS = Set.of(SCHEDULE, CANCEL);
    static final String PUBLISH = "publication";
    static final String UNPUBLISH = "retrait";

    /** What was typed and the French errors by field ({@code publication}, {@code retrait}), shown again. */
    record Shown(Map<String, String> values, Map<String, String> errors) {
        static final Shown NONE = new Shown(Map.of(), Map.of());
    }

    private final Workflow workflow;
    private final Messages messages;
    private final Clock clock;

    ScheduleForm(Workflow workflow, Messages messages, Clock clock) {
        this.workflow = workflow;
        this.messages = messages;
        this.clock = clock;
    }

    /** The model of the fieldset ({@code schedule}), or nothing when the session may not schedule the item. */
    Optional<Map<String, Object>> model(Session s, ItemPath item, Shown shown) throws RepositoryException {
        if (!WorkflowActions.of(s, item).schedule()) {
            return Optional.empty();
        }
        Map<String, Object> model = new HashMap<>();
        Optional<Workflow.Schedule> current = workflow.schedule(s, item);
        Instant publishAt = current.map(Workflow.Schedule::publishAt).orElse(null);
        Instant unpublishAt = current.map(Workflow.Schedule::unpublishAt).orElse(null);
        model.put("current", current.isPresent());
        model.put("publishAt", UiDates.format(publishAt));
        model.put("unpublishAt", UiDates.format(unpublishAt));
        model.put("publishIso", UiDates.iso(publishAt));
        model.put("unpublishIso", UiDates.iso(unpublishAt));
        fill(model, PUBLISH, publishAt, shown);
        fill(model, UNPUBLISH, unpublishAt, shown);
        return Optional.of(model);
    }

    private static void fill(Map<String, Object> model, String field, Instant current, Shown shown) {
        ZonedDateTime local = current == null ? null : current.atZone(UiDates.PARIS);
        model.put(field + "Date", shown.values().getOrDefault(field + "-date", local == null ? "" : local.toLocalDate().toString()));
        model.put(field + "Time", shown.values().getOrDefault(field + "-heure",
                local == null ? "" : local.toLocalTime().withSecond(0).withNano(0).toString()));
        model.put(field + "Error", shown.errors().getOrDefault(field, ""));
    }

    /** The four inputs of the fieldset as posted. */
    static Map<String, String> values(MultivaluedMap<String, String> body) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : new String[] {PUBLISH, UNPUBLISH}) {
            for (String part : new String[] {"-date", "-heure"}) {
                values.put(field + part, Optional.ofNullable(body.getFirst(field + part)).orElse("").strip());
            }
        }
        return values;
    }

    /**
     * Schedules (or cancels) in the author's session; the French errors by field when the dates are
     * refused (nothing written then). An {@code AccessDeniedException} from the repository propagates.
     */
    Map<String, String> apply(Session s, ItemPath item, String action, Map<String, String> values)
            throws RepositoryException {
        if (CANCEL.equals(action)) {
            workflow.schedule(s, item, null, null);
            return Map.of();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Instant now = clock.instant();
        Instant publishAt = instant(values, PUBLISH, now, errors);
        Instant unpublishAt = instant(values, UNPUBLISH, now, errors);
        if (publishAt != null && unpublishAt != null && !unpublishAt.isAfter(publishAt)) {
            errors.put(UNPUBLISH, messages.get("authoring.ui.schedule.error.beforePublish"));
        }
        if (errors.isEmpty() && publishAt == null && unpublishAt == null) {
            errors.put(PUBLISH, messages.get("authoring.ui.schedule.error.none"));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        workflow.schedule(s, item, publishAt, unpublishAt);
        return Map.of();
    }

    private Instant instant(Map<String, String> values, String field, Instant now, Map<String, String> errors) {
        String date = values.getOrDefault(field + "-date", "");
        String time = values.getOrDefault(field + "-heure", "");
        if (date.isEmpty() && time.isEmpty()) {
            return null;
        }
        if (date.isEmpty() || time.isEmpty()) {
            errors.put(field, messages.get(date.isEmpty() ? "authoring.ui.schedule.error.noDate" : "authoring.ui.schedule.error.noTime"));
            return null;
        }
        Instant instant;
        try {
            instant = ZonedDateTime.of(LocalDate.parse(date), LocalTime.parse(time), UiDates.PARIS).toInstant();
        } catch (DateTimeParseException e) {
            errors.put(field, messages.get("authoring.ui.schedule.error.format"));
            return null;
        }
        if (!instant.isAfter(now)) {
            errors.put(field, messages.get("authoring.ui.schedule.error.past"));
            return null;
        }
        return instant;
    }
}
