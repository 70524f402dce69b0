package fr.anct.opencollectivites.webapp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.repository.ConfiguredRepository;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.module.RepositoryBootstrap;
import fr.anct.opencollectivites.security.AccountException;
import fr.anct.opencollectivites.security.Accounts;
import fr.anct.opencollectivites.security.PasswordPolicy;
import fr.anct.opencollectivites.security.Role;

/**
 * {@code create-admin --login L --email E}: creates the first administrator in the configured repository:
 * embedded, with the server stopped (the store is one process's); on PostgreSQL, beside the running
 * instances, which see the account within a second. The password is typed twice (read without echo from
 * a terminal, else two lines of standard input); there is no default password anywhere.
 */
final class CreateAdminCommand {
    /** Reads one secret; {@code prompt} is shown when reading from a terminal. */
    @FunctionalInterface
    interface PasswordReader {
        char[] read(String prompt) throws IOException;
    }

    private CreateAdminCommand() {
    }

    static boolean run(PlatformConfig config, String login, String email, PasswordReader passwords, PrintStream out)
            throws IOException {
        java.nio.file.Path lightModule = LightModuleLocator.locate(config.lightModuleDir());
        Messages messages = Messages.load(lightModule);
        ContentTypeRegistry contentTypes = ContentTypeRegistry.load(lightModule);
        Accounts accounts = new Accounts(new PasswordPolicy());
        // the repository first: a command that cannot reach it fails before asking for anything
        try (ConfiguredRepository configured = ConfiguredRepository.open(config.repository().forCommand(), config.dataDir())) {
            OakRepository repository = configured.repository();
            new RepositoryBootstrap(contentTypes).install(repository);
            configured.startupDone();
            char[] password = passwords.read("Mot de passe : ");
            char[] again = passwords.read("Mot de passe (confirmation) : ");
            try {
                if (password == null || again == null) {
                    out.println(messages.get("security.admin.noConsole"));
                    return false;
                }
                if (!Arrays.equals(password, again)) {
                    out.println(messages.get("security.admin.passwordMismatch"));
                    return false;
                }
                repository.withSystemSession(session -> {
                    accounts.create(session, login, password, email, null, Set.of(Role.ADMINISTRATOR), Set.of());
                    session.save();
                    return null;
                });
            } finally {
                if (password != null) {
                    Arrays.fill(password, ' ');
                }
                if (again != null) {
                    Arrays.fill(again, ' ');
                }
            }
            out.println(messages.get("security.admin.created", login));
            return true;
        } catch (AccountException e) {
            out.println(messages.get(e.key(), e.args()));
            return false;
        }
    }

    /** From the terminal without echo, else from standard input (one line each). */
    static PasswordReader consoleOrStdin() {
        if (System.console() != null) {
            return prompt -> System.console().readPassword("%s", prompt);
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return prompt -> {
            String line = in.readLine();
            return line == null ? null : line.toCharArray();
        };
    }
}
