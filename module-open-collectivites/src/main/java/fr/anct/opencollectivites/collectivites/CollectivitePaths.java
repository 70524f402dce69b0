package fr.anct.opencollectivites.collectivites;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.repository.Workspaces;

/**
 * Where each référentiel node lives (docs/architecture.md), from its content type's datasource:
 * {@code /collectivites/communes/<bucket>/<code>} for COM and ARM, {@code <code>-comd} / {@code <code>-coma}.
 */
public final class CollectivitePaths {
    private CollectivitePaths() {
    }

    public static String root(ContentTypeDefinition type) {
        return Workspaces.livePath(type.datasource().workspace(), type.datasource().rootPath());
    }

    public static String item(ContentTypeDefinition type, String code) {
        return root(type) + "/" + code;
    }

    public static String commune(ContentTypeDefinition communeType, String typecom, String code) {
        String suffix = switch (typecom) {
            case "COMD" -> "-comd";
            case "COMA" -> "-coma";
            default -> "";
        };
        return root(communeType) + "/" + Codes.bucket(code) + "/" + code + suffix;
    }
}
