package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.anct.opencollectivites.repository.ClusterDatabase;
import fr.anct.opencollectivites.repository.OakRepository;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import picocli.CommandLine;

/**
 * Every command opens the configured repository: with {@code repository.mode=postgresql} and a database
 * that does not answer, none of them falls back to an embedded store in the data directory; each stops
 * with one French sentence naming the database and the cause, exit code 1, nothing done; with a database
 * that answers, {@code import}, {@code backup} and {@code restore} work on it beside any running instance.
 */
@Tag("postgres")
class CommandsOnTheConfiguredRepositoryTest {

    @Test
    void everyCommandFailsLoudlyInFrenchWhenItsDatabaseDoesNotAnswer(@TempDir Path dir) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/opencollectivites";
        Path dataDir = dir.resolve("data");
        Path config = dir.resolve("oc.properties");
        Files.writeString(config, "repository.mode=postgresql\nrepository.jdbcUrl=" + url
                + "\nrepository.user=opencollectivites\nrepository.password=secret\ndata.dir=" + dataDir + "\n");
        Path backupToRestore = Files.writeString(dir.resolve("sauvegarde.zip"), "");
        Path folderToImport = Files.createDirectories(dir.resolve("fichiers"));

        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"create-admin", "--config", config.toString(), "--login", "marie", "--email", "marie@example.fr"});
        commands.add(new String[] {"backup", "--config", config.toString(), dir.resolve("nouvelle.zip").toString()});
        commands.add(new String[] {"restore", "--config", config.toString(), backupToRestore.toString()});
        commands.add(new String[] {"import", "--config", config.toString(), folderToImport.toString()});
        for (String[] command : commands) {
            StringWriter err = new StringWriter();
            CommandLine line = Main.commandLine();
            line.setErr(new PrintWriter(err, true));
            int exit = line.execute(command);
            assertThat(exit).as(command[0] + " exit code").isEqualTo(1);
            assertThat(err.toString()).as(command[0])
                    .contains("Le dépôt « " + url + " » ne peut pas être ouvert : la base PostgreSQL ne répond pas")
                    .contains("Rien n'a été fait.");
        }
        assertThat(dataDir.resolve("repository")).as("no embedded store made instead").doesNotExist();
        assertThat(dir.resolve("nouvelle.zip")).as("no backup written").doesNotExist();
    }

    @Test
    void importBackupAndRestoreWorkOnTheClusterDatabase(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE restored");
            }
            String source = postgres.getJdbcUrl("postgres", "postgres");
            String restored = postgres.getJdbcUrl("postgres", "restored");
            Path regions = Files.writeString(dir.resolve("v_region.csv"), "REG,CHEFLIEU,TNCC,NCC,NCCENR,LIBELLE\r\n"
                    + "84,69123,1,AUVERGNE RHONE ALPES,Auvergne-Rhône-Alpes,Auvergne-Rhône-Alpes\r\n"
                    + "94,2A004,0,CORSE,Corse,Corse\r\n");
            Path backup = dir.resolve("sauvegarde.zip");

            assertThat(run("import", config(dir, "source", source), regions.toString())).isZero();
            assertThat(run("backup", config(dir, "source", source), backup.toString())).isZero();
            assertThat(backup).isNotEmptyFile();
            assertThat(run("restore", config(dir, "restored", restored), backup.toString())).isZero();

            try (ClusterDatabase database = ClusterDatabase.connect(restored, "postgres", "postgres", 4);
                 OakRepository repository = OakRepository.cluster(database, 1)) {
                String nom = repository.withSystemSession(session ->
                        session.getNode("/collectivites/regions/94").getProperty("nom").getString());
                assertThat(nom).as("the region imported into the source database, restored into the other").isEqualTo("Corse");
            }
            assertThat(dir.resolve("source/repository")).as("no embedded store beside").doesNotExist();
            assertThat(dir.resolve("restored/repository")).doesNotExist();
        }
    }

    private static Path config(Path dir, String name, String url) throws Exception {
        return Files.writeString(dir.resolve(name + ".properties"), "repository.mode=postgresql\nrepository.jdbcUrl=" + url
                + "\nrepository.user=postgres\nrepository.password=postgres\ndata.dir=" + dir.resolve(name) + "\n");
    }

    private static int run(String command, Path config, String file) {
        return Main.commandLine().execute(command, "--config", config.toString(), file);
    }
}
