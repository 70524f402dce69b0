package fr.anct.opencollectivites.collectivites;

import java.util.List;

import fr.anct.opencollectivites.imports.Importer;

/** The importers of the référentiel, in dependency order. */
public final class ReferentielImporters {
    private ReferentielImporters() {
    }

    public static List<Importer> all() {
        return List.of(CogLevelImporter.regions(), CogLevelImporter.departements(), CogLevelImporter.arrondissements(),
                new CommuneImporter(), new MouvementImporter(), new PopulationImporter(), new EpciImporter(),
                new SirenImporter());
    }
}
