package fr.anct.opencollectivites.fiches;

import fr.anct.opencollectivites.fiches.FicheModel.Source;
import fr.anct.opencollectivites.i18n.Messages;

/** The producers behind each block of a fiche, named as the light module's bundle names them. */
final class Sources {
    private final Messages messages;

    Sources(Messages messages) {
        this.messages = messages;
    }

    Source cog(Object millesime) {
        return source("cog", millesime);
    }

    Source population(Object millesime) {
        return source("population", millesime);
    }

    Source epci(Object millesime) {
        return source("epci", millesime);
    }

    Source finances(String millesime) {
        return source("finances", millesime);
    }

    Source elus(String millesime) {
        return source("elus", millesime);
    }

    private Source source(String key, Object millesime) {
        return new Source(messages.get("fiches.source." + key), millesime == null ? null : millesime.toString(),
                messages.get("fiches.source." + key + ".url"));
    }
}
