package fr.anct.opencollectivites.authoring.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;

import fr.anct.opencollectivites.assets.AssetException;
import fr.anct.opencollectivites.assets.AssetStore;
import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.PropertyDefinition;
import fr.anct.opencollectivites.content.PropertyType;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.security.AccessRefusedException;
import fr.anct.opencollectivites.security.AuditLog;
import fr.anct.opencollectivites.security.UserSessions;

/**
 * What every page posting a generated form ({@link ContentForm}) shares: the posted values and reference
 * searches, multipart bodies with the files of asset pickers (stored first, in the author's session),
 * and the buttons that only re-render the form (add or remove a row, search, upload). Used by
 * {@link ContentFormResource}, {@link PageEditorResource} and {@link ComponentEditorResource}; a page whose resource uses it sets
 * {@code formActions} in its model.
 */
final class FormPosts {
    /**
     * Buttons that only re-render the form (nothing saved): add or remove a row, search, upload, pick a
     * territory found by the search (choisir: in place of the value, joindre: added to the list).
     */
    private static final Pattern FORM_ACTION = Pattern.compile("(ajouter|retirer|chercher|televerser|choisir|joindre):([A-Za-z0-9_.]{1,200})");
    private static final Pattern SITE = Pattern.compile("/sites/([a-z0-9][a-z0-9-]{1,49})(/.*)?");
    private static final String FILE_PREFIX = "fichier.";
    private static final String SEARCH_PREFIX = "recherche.";

    /** A file chosen in an asset picker: the part's file name and bytes. */
    record Upload(String fileName, InputStream content) {
    }

    /** The outcome of storing the chosen files: errors by field (nothing stored then is kept), a notice. */
    record Stored(Map<String, String> errors, String notice) {
    }

    private final UserSessions sessions;
    private final AssetStore assets;
    private final AuditLog audit;
    private final Messages messages;

    FormPosts(UserSessions sessions, AssetStore assets, AuditLog audit, Messages messages) {
        this.sessions = sessions;
        this.assets = assets;
        this.audit = audit;
        this.messages = messages;
    }

    /**
     * Reads a multipart body into its plain fields and its chosen files, then hands them to {@code submit}
     * while the parts are still open.
     */
    static Response multipart(FormDataMultiPart multipart,
                              BiFunction<MultivaluedMap<String, String>, Map<String, Upload>, Response> submit) {
        MultivaluedMap<String, String> body = new MultivaluedHashMap<>();
        Map<String, Upload> files = new LinkedHashMap<>();
        try (multipart) {
            for (Map.Entry<String, List<FormDataBodyPart>> field : multipart.getFields().entrySet()) {
                for (FormDataBodyPart part : field.getValue()) {
                    String fileName = part.getContentDisposition().getFileName();
                    if (fileName == null) {
                        body.add(field.getKey(), new String(part.getValueAs(InputStream.class).readAllBytes(),
                                StandardCharsets.UTF_8));
                    } else if (!fileName.isEmpty() && field.getKey().startsWith(FILE_PREFIX)) {
                        files.put(field.getKey().substring(FILE_PREFIX.length()),
                                new Upload(fileName, part.getValueAs(InputStream.class)));
                    }
                }
            }
            return submit.apply(body, files);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The generated form's values ({@code champ.*}) by property name. */
    static Map<String, String> submitted(MultivaluedMap<String, String> body) {
        Map<String, String> values = new HashMap<>();
        body.forEach((key, list) -> {
            if (key.startsWith(ContentForm.PREFIX) && !list.isEmpty()) {
                values.put(key.substring(ContentForm.PREFIX.length()), list.get(0));
            }
        });
        return values;
    }

    /** Search texts of reference pickers, from the form (its search button) or the query string (GET). */
    static Map<String, String> searches(MultivaluedMap<String, String> parameters) {
        Map<String, String> searches = new HashMap<>();
        parameters.forEach((key, list) -> {
            if (key.startsWith(SEARCH_PREFIX) && !list.isEmpty() && list.get(0) != null) {
                searches.put(key.substring(SEARCH_PREFIX.length()), list.get(0));
            }
        });
        return searches;
    }

    /** The re-rendering button pressed, if {@code action} is one. */
    static Optional<Matcher> formAction(String action) {
        Matcher matcher = FORM_ACTION.matcher(action == null ? "" : action);
        return matcher.matches() ? Optional.of(matcher) : Optional.empty();
    }

    /** The values to show again after a re-rendering button: a row added or removed; the same otherwise. */
    static Map<String, String> rerendered(Matcher formAction, Map<String, String> values) {
        String target = formAction.group(2);
        switch (formAction.group(1)) {
            case "ajouter" -> {
                return ContentForm.withRowAdded(values, target);
            }
            case "retirer" -> {
                int dot = target.lastIndexOf('.');
                if (dot > 0 && target.substring(dot + 1).matches("\\d{1,3}")) {
                    return ContentForm.withRowRemoved(values, target.substring(0, dot),
                            Integer.parseInt(target.substring(dot + 1)));
                }
                return values;
            }
            case "choisir", "joindre" -> {
                return TerritoryPicker.withChoice(values, target, formAction.group(1).equals("joindre"));
            }
            default -> {
                return values;
            }
        }
    }

    /**
     * Stores the chosen files in the author's session, each under its asset field, and puts their public
     * URLs into {@code values}; a refused file is named in the French error of its field.
     */
    Stored store(String userId, ContentTypeDefinition type, String folder, Map<String, Upload> files,
                 Map<String, String> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> stored = new ArrayList<>();
        for (Map.Entry<String, Upload> file : files.entrySet()) {
            if (!isAssetField(type, file.getKey())) {
                continue;
            }
            String fileName = baseName(file.getValue().fileName());
            try {
                AssetStore.Asset asset = sessions.as(userId, s -> assets.store(s, folder, fileName,
                        file.getValue().content()));
                audit.record(userId, "asset.upload", asset.id(), asset.fileName());
                values.put(file.getKey(), asset.url());
                stored.add(asset.fileName());
            } catch (AssetException e) {
                errors.put(file.getKey(), messages.get("authoring.ui.asset.refused", fileName, messages.get(e.key(), e.args())));
            } catch (AccessRefusedException e) {
                errors.put(file.getKey(), messages.get("authoring.ui.asset.denied", fileName));
            }
        }
        return new Stored(errors, stored.isEmpty() ? null : messages.get("authoring.ui.asset.stored", String.join(", ", stored)));
    }

    /** Uploads for a mini-site's items and pages go to the site's folder (its team may write there), others to editorial. */
    static String assetFolder(String workspace, String relativePath) {
        Matcher site = SITE.matcher(relativePath);
        return "website".equals(workspace) && site.matches() ? "sites/" + site.group(1) : "editorial";
    }

    /** Whether a dotted field name ({@code image}, {@code blocs.0.image}) is a single asset property. */
    static boolean isAssetField(ContentTypeDefinition type, String name) {
        ContentTypeDefinition current = type;
        String[] parts = name.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            Optional<PropertyDefinition> property = current.property(parts[i]);
            if (property.isEmpty()) {
                return false;
            }
            PropertyType propertyType = property.get().type();
            if (i == parts.length - 1) {
                return propertyType.kind() == PropertyType.Kind.ASSET
                        && !property.get().multiple();
            }
            if (propertyType.kind() != PropertyType.Kind.SUB_MODEL) {
                return false;
            }
            current = current.subModel(propertyType.target()).orElseThrow();
            if (property.get().multiple()) {
                if (++i >= parts.length || !parts[i].matches("\\d{1,3}")) {
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * A browser may send the file's path (C:\fakepath\photo.png) or a crafted one (../../x.png): only the
     * last segment is kept as the label; the asset store's name rules then apply to it.
     */
    static String baseName(String fileName) {
        return fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    }
}
