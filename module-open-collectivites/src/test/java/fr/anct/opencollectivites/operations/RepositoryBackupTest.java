package fr.anct.opencollectivites.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.jcr.Node;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.pages.MiniSites;
import fr.anct.opencollectivites.security.AccessRefusedException;
import fr.anct.opencollectivites.security.Account;
import fr.anct.opencollectivites.security.Accounts;
import fr.anct.opencollectivites.security.ApiTokens;
import fr.anct.opencollectivites.security.PasswordPolicy;
import fr.anct.opencollectivites.security.Role;
import fr.anct.opencollectivites.security.UserSessions;
import fr.anct.opencollectivites.security.WebSessions;
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
    void accountsRolesTeamsAndTokensComeBackAndSignedInSessionsDoNot(@TempDir Path work) throws Exception {
        Path backup = work.resolve("backup.zip");
        Accounts accounts = new Accounts(new PasswordPolicy());
        char[] password = "une longue phrase de passe".toCharArray();
        List<Account> originalAccounts;
        List<String> originalGroups;
        List<ApiTokens.TokenInfo> originalTokens;
        String secret;
        String signedIn;
        try (OakRepository source = ImportTestSupport.bootstrapped(OakRepository.embedded(work.resolve("source")))) {
            source.withSystemSession(session -> {
                new MiniSites(fr.anct.opencollectivites.TestLightModule.contentTypes()).create(session, "vallee", "La Vallée");
                accounts.create(session, "marie", password, "marie@example.fr", "Marie Admin", Set.of(Role.ADMINISTRATOR), Set.of());
                accounts.create(session, "paul", null, "paul@example.fr", null, Set.of(Role.EDITOR, Role.PUBLISHER), Set.of());
                accounts.create(session, "lea", password, "lea@example.fr", "Léa", Set.of(), Set.of("vallee"));
                accounts.create(session, "jean", password, "jean@example.fr", null, Set.of(Role.REVIEWER), Set.of());
                accounts.setDisabled(session, "jean", true);
                session.save();
                return null;
            });
            secret = new ApiTokens(source, Clock.systemUTC()).create("paul", "import nocturne").secret();
            signedIn = new WebSessions(source, Clock.systemUTC()).create("marie").id();
            originalAccounts = source.withSystemSession(accounts::list);
            originalGroups = groups(source);
            originalTokens = new ApiTokens(source, Clock.systemUTC()).list("paul");
            new RepositoryBackup(source).backup(backup);
        }

        try (OakRepository restored = ImportTestSupport.bootstrapped(OakRepository.embedded(work.resolve("restored")))) {
            new RepositoryBackup(restored).restore(backup);
            assertThat(restored.withSystemSession(accounts::list)).isEqualTo(originalAccounts).hasSize(4);
            assertThat(groups(restored)).isEqualTo(originalGroups);
            assertThat(new ApiTokens(restored, Clock.systemUTC()).list("paul")).isEqualTo(originalTokens).hasSize(1);
            assertThat(new ApiTokens(restored, Clock.systemUTC()).owner(secret)).contains("paul");
            UserSessions sessions = new UserSessions(restored);
            assertThat(sessions.passwordMatches("marie", password)).as("the same password signs in").isTrue();
            assertThat(sessions.passwordMatches("jean", password)).as("a disabled account stays disabled").isFalse();
            assertThat(new WebSessions(restored, Clock.systemUTC()).find(signedIn)).as("sessions are not restored").isEmpty();
            // the team's rights on its mini-site came back with it: Léa writes there, Paul (editor) does not
            sessions.as("lea", session -> {
                session.getNode("/oc:authoring/website/sites/vallee").addNode("actualites", "mgnl:page");
                session.save();
                return null;
            });
            assertThatThrownBy(() -> sessions.as("paul", session -> {
                session.getNode("/oc:authoring/website/sites/vallee").addNode("intrus", "mgnl:page");
                session.save();
                return null;
            })).isInstanceOf(AccessRefusedException.class);
        }
    }

    /** Every group with its declared members, sorted. */
    private static List<String> groups(OakRepository repository) {
        return repository.withSystemSession(session -> {
            List<String> groups = new java.util.ArrayList<>();
            var found = ((org.apache.jackrabbit.api.JackrabbitSession) session).getUserManager()
                    .findAuthorizables("rep:principalName", null, org.apache.jackrabbit.api.security.user.UserManager.SEARCH_TYPE_GROUP);
            while (found.hasNext()) {
                var group = (org.apache.jackrabbit.api.security.user.Group) found.next();
                List<String> members = new java.util.ArrayList<>();
                group.getDeclaredMembers().forEachRemaining(member -> {
                    try {
                        members.add(member.getID());
                    } catch (javax.jcr.RepositoryException e) {
                        throw new IllegalStateException(e);
                    }
                });
                members.sort(null);
                groups.add(group.getID() + " " + members);
            }
            groups.sort(null);
            return groups;
        });
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
