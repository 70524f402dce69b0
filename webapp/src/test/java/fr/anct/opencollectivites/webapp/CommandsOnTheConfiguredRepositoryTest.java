package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * Every command opens the configured repository: with {@code repository.mode=postgresql} and a database
 * that does not answer, none of them falls back to an embedded store in the data directory; each stops
 * with one French sentence naming the database and the cause, exit code 1, nothing done.
 */
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
}
