package fr.anct.opencollectivites.module;

import java.util.ArrayList;
import java.util.List;

import fr.anct.opencollectivites.collectivites.CodesPostauxImporter;
import fr.anct.opencollectivites.collectivites.ReferentielImporters;
import fr.anct.opencollectivites.elus.RneImporter;
import fr.anct.opencollectivites.finances.OfglImporter;
import fr.anct.opencollectivites.imports.Importer;
import fr.anct.opencollectivites.mairies.MairiesImporter;

/**
 * The importers of the module's data features, registered with the import framework by the composition
 * root (the framework knows no importer): the référentiel (COG, populations, EPCI, BANATIC), La Poste's
 * postal codes, the OFGL
 * finances, the mairies and the élus.
 */
public final class Importers {
    private Importers() {
    }

    public static List<Importer> standard() {
        List<Importer> all = new ArrayList<>(ReferentielImporters.all());
        all.addAll(CodesPostauxImporter.all());
        all.addAll(OfglImporter.all());
        all.addAll(MairiesImporter.all());
        all.addAll(RneImporter.all());
        return all;
    }
}
