package fr.anct.opencollectivites.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.jcr.Node;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.repository.OakRepository;

@Tag("repository")
class RepositoryBackupTest {

    @Test
    void aRestoreIntoAFreshDataDirectoryGivesTheSameContentNodeByNode(@TempDir Path work) {
        Path backup = work.resolve("backup.zip");
        List<String> original;
        try (OakRepository source = ImportTestSupport.bootstrapped(OakRepository.embedded(work.resolve("source")))) {
            assertThat(ImportTestSupport.service(source)
                    .importPath(ImportTestSupport.resource("cog"), fr.anct.opencollectivites.imports.ProgressListener.NONE)
                    .failed()).isFalse();
            source.withSystemSession(session -> {
                Node page = session.getNode("/website").addNode("accueil", "mgnl:page");
                page.setProperty("title", "Accueil");
                page.setProperty("commune", session.getNode("/collectivites/communes/01/01001"));
                page.addNode("main", "mgnl:area").addNode("0", "mgnl:component").setProperty("text", "<p>Bienvenue</p>");
                session.getNode("/oc:authoring/website").addNode("brouillon", "mgnl:page").setProperty("title", "Brouillon");
                session.getNode("/oc:system").addNode("fichier", "nt:unstructured").setProperty("data",
                        session.getValueFactory().createBinary(new ByteArrayInputStream(new byte[] {0, 1, 2, (byte) 255})));
                session.save();
                return null;
            });
            RepositoryBackup.Summary written = new RepositoryBackup(source).backup(backup);
            assertThat(written.nodes()).isGreaterThan(10);
            original = RepositoryTrees.describe(source);
        }

        try (OakRepository restored = ImportTestSupport.bootstrapped(OakRepository.embedded(work.resolve("restored")))) {
            RepositoryBackup.Summary read = new RepositoryBackup(restored).restore(backup);
            assertThat(read.nodes()).isGreaterThan(10);
            assertThat(RepositoryTrees.describe(restored)).isEqualTo(original);
            String referenced = restored.withSystemSession(session ->
                    session.getNode("/website/accueil").getProperty("commune").getNode().getProperty("nom").getString());
            assertThat(referenced).isEqualTo("L'Abergement-Clémenciat");

            assertThatThrownBy(() -> new RepositoryBackup(restored).restore(backup))
                    .hasMessageContaining("already holds content");
        }
    }

    @Test
    void aFileThatIsNotABackupIsRefusedWithItsName(@TempDir Path work) throws Exception {
        Path notABackup = work.resolve("photos.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(notABackup))) {
            zip.putNextEntry(new ZipEntry("vacances.txt"));
            zip.write("plage".getBytes(StandardCharsets.UTF_8));
        }
        try (OakRepository repository = ImportTestSupport.bootstrapped(OakRepository.inMemory())) {
            assertThatThrownBy(() -> new RepositoryBackup(repository).restore(notABackup))
                    .hasMessageContaining("photos.zip").hasMessageContaining("not a backup");
        }
    }
}
