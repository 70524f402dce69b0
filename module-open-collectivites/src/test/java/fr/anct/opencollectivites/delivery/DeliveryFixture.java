package fr.anct.opencollectivites.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.module.RepositoryBootstrap;
import fr.anct.opencollectivites.repository.SessionProvider;
import fr.anct.opencollectivites.repository.Workspaces;

/** An in-memory repository with a few live collectivités and one draft commune that must never show. */
final class DeliveryFixture implements AutoCloseable {
    static final String DRAFT_COMMUNE = "/communes/01/01999";

    final ContentTypeRegistry types = TestLightModule.contentTypes();
    final OakRepository repository = OakRepository.inMemory();
    final DeliveryEndpoints endpoints = DeliveryEndpoints.load(TestLightModule.dir(), types);
    final DeliveryTextIndex textIndex;
    final DeliveryService service;

    DeliveryFixture() {
        new RepositoryBootstrap(types).install(repository);
        ContentWriter writer = new ContentWriter();
        repository.withSystemSession(session -> {
            writer.upsert(session, "/collectivites/regions/84", types.require("region"),
                    Map.of("code", "84", "nom", "Auvergne-Rhône-Alpes", "population", 8_235_923L));
            writer.upsert(session, "/collectivites/regions/11", types.require("region"),
                    Map.of("code", "11", "nom", "Île-de-France", "population", 12_358_932L));
            writer.upsert(session, "/collectivites/departements/01", types.require("departement"),
                    Map.of("code", "01", "nom", "Ain", "region", "84", "population", 671_937L));
            writer.upsert(session, "/collectivites/departements/75", types.require("departement"),
                    Map.of("code", "75", "nom", "Paris", "region", "11"));
            commune(writer, session, "01", "01001", "L'Abergement-Clémenciat", 859L, List.of("Clémenciat"));
            commune(writer, session, "01", "01002", "L'Abergement-de-Varey", 267L, List.of());
            commune(writer, session, "01", "01004", "Ambérieu-en-Bugey", 14_514L, List.of("Ambérieu", "Bugey"));
            commune(writer, session, "01", "01005", "Ambérieux-en-Dombes", 1_772L, List.of());
            commune(writer, session, "75", "75056", "Paris", 2_113_705L, List.of());
            writer.upsert(session, Workspaces.draftPath("collectivites", DRAFT_COMMUNE), types.require("commune"),
                    Map.of("code", "01999", "typecom", "COM", "nom", "Brouillon-sur-Ain", "departement", "01",
                            "population", 5L, "millesimeCog", 2026L));
            session.save();
            return null;
        });
        textIndex = new DeliveryTextIndex(repository, endpoints, types).startAndWait();
        service = new DeliveryService(endpoints, types, textIndex);
    }

    private void commune(ContentWriter writer, javax.jcr.Session session, String bucket, String code, String nom,
                         long population, List<String> anciensNoms) throws javax.jcr.RepositoryException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("code", code);
        values.put("typecom", "COM");
        values.put("nom", nom);
        values.put("departement", bucket);
        values.put("region", bucket.equals("75") ? "11" : "84");
        values.put("population", population);
        values.put("millesimeCog", 2026L);
        if (!anciensNoms.isEmpty()) {
            values.put("anciensNoms", anciensNoms);
        }
        writer.upsert(session, "/collectivites/communes/" + bucket + "/" + code, types.require("commune"), values);
    }

    DeliveryResource resource() {
        return new DeliveryResource(service, SessionProvider.anonymous(repository), TestLightModule.messages());
    }

    @Override
    public void close() {
        textIndex.close();
        repository.close();
    }
}
