package fr.anct.opencollectivites.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import javax.jcr.PathNotFoundException;
import javax.jcr.query.Query;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.content.WriteOutcome;
import fr.anct.opencollectivites.module.RepositoryBootstrap;

@Tag("repository")
class RepositoryBootstrapTest {
    private final ContentTypeRegistry types = TestLightModule.contentTypes();

    @Test
    void installsNodeTypesIndexesAndRootsAndSurvivesARestart(@TempDir Path dataDir) {
        try (OakRepository repository = OakRepository.embedded(dataDir)) {
            new RepositoryBootstrap(types).install(repository);
            repository.withSystemSession(session -> {
                assertThat(session.getWorkspace().getNodeTypeManager().hasNodeType("oc:commune")).isTrue();
                assertThat(session.nodeExists("/oak:index/oc-code")).isTrue();
                assertThat(session.nodeExists("/collectivites")).isTrue();
                new ContentWriter().upsert(session, "/collectivites/regions/11", types.require("region"),
                        Map.of("code", "11", "nom", "Île-de-France"));
                session.save();
                return null;
            });
        }
        try (OakRepository repository = OakRepository.embedded(dataDir)) {
            new RepositoryBootstrap(types).install(repository);
            String name = repository.withAnonymousSession(session ->
                    session.getNode("/collectivites/regions/11").getProperty("nom").getString());
            assertThat(name).isEqualTo("Île-de-France");
        }
    }

    @Test
    void aDataDirectoryIsOpenedByOneOwnerAtATime(@TempDir Path dataDir) {
        try (OakRepository first = OakRepository.embedded(dataDir)) {
            assertThatThrownBy(() -> OakRepository.embedded(dataDir))
                    .isInstanceOf(RepositoryInUseException.class)
                    .hasMessageContaining(dataDir.toString());
        }
        try (OakRepository again = OakRepository.embedded(dataDir)) {
            assertThat(again.storeFailure()).isEmpty();
        }
    }

    @Test
    void anonymousReadsLiveContentButNeverDraftsOrSystemData() {
        try (OakRepository repository = OakRepository.inMemory()) {
            new RepositoryBootstrap(types).install(repository);
            repository.withSystemSession(session -> {
                new ContentWriter().upsert(session, Workspaces.draftPath("collectivites", "/regions/99"),
                        types.require("region"), Map.of("code", "99", "nom", "Brouillon"));
                session.save();
                return null;
            });
            repository.withAnonymousSession(session -> {
                assertThat(session.nodeExists("/collectivites")).isTrue();
                assertThat(session.nodeExists(Workspaces.draftPath("collectivites", "/regions/99"))).isFalse();
                assertThat(session.nodeExists("/" + Workspaces.SYSTEM)).isFalse();
                assertThatThrownBy(() -> session.getNode(Workspaces.draftPath("collectivites", "/regions/99")))
                        .isInstanceOf(PathNotFoundException.class);
                long hits = session.getWorkspace().getQueryManager()
                        .createQuery("SELECT * FROM [oc:region]", Query.JCR_SQL2).execute().getNodes().getSize();
                assertThat(hits).isZero();
                return null;
            });
        }
    }

    @Test
    void secondIdenticalWriteIsUnchanged() {
        try (OakRepository repository = OakRepository.inMemory()) {
            new RepositoryBootstrap(types).install(repository);
            ContentWriter writer = new ContentWriter();
            Map<String, Object> values = Map.of("code", "01", "nom", "Ain", "population", 671_937L);
            WriteOutcome first = repository.withSystemSession(s -> writeAndSave(writer, s, values));
            assertThat(first).isEqualTo(WriteOutcome.CREATED);
            WriteOutcome second = repository.withSystemSession(s -> writeAndSave(writer, s, values));
            assertThat(second).isEqualTo(WriteOutcome.UNCHANGED);
            Map<String, Object> changed = Map.of("code", "01", "nom", "Ain", "population", 671_938L);
            WriteOutcome third = repository.withSystemSession(s -> writeAndSave(writer, s, changed));
            assertThat(third).isEqualTo(WriteOutcome.UPDATED);
        }
    }

    private WriteOutcome writeAndSave(ContentWriter writer, javax.jcr.Session session, Map<String, Object> values)
            throws javax.jcr.RepositoryException {
        try {
            WriteOutcome outcome = writer.upsert(session, "/collectivites/departements/01", types.require("departement"), values);
            session.save();
            return outcome;
        } catch (fr.anct.opencollectivites.content.ContentValidationException e) {
            throw new AssertionError(e);
        }
    }
}
