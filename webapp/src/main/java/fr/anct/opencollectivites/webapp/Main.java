package fr.anct.opencollectivites.webapp;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.content.DefinitionException;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.repository.RepositoryInUseException;
import fr.anct.opencollectivites.repository.RepositoryUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The command line: {@code serve} (default), {@code import}, {@code backup}, {@code restore} and {@code create-admin}. */
@Command(name = "open-collectivites", mixinStandardHelpOptions = true, version = "Open Collectivités 0.1.0",
        description = "Plateforme Open Collectivités : référentiel, fiches, publications.",
        subcommands = {Main.Serve.class, Main.Import.class, Main.Backup.class, Main.Restore.class, Main.CreateAdmin.class})
public final class Main implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, description = "Fichier de configuration (.properties).", scope = CommandLine.ScopeType.INHERIT)
    Path configFile;

    @Option(names = {"-d", "--data-dir"}, description = "Dossier des données (dépôt Oak).", scope = CommandLine.ScopeType.INHERIT)
    Path dataDir;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its French explanation of a failed command. */
    static CommandLine commandLine() {
        return new CommandLine(new Main()).setExecutionExceptionHandler(Main::explain);
    }

    /** A failed command ends with one French sentence that says what to do, not a stack trace. */
    private static int explain(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        Messages messages = Messages.load(LightModuleLocator.locate(Optional.empty()));
        String text;
        if (e instanceof RepositoryInUseException inUse) {
            text = messages.get("cli.error.repositoryInUse", inUse.dataDir().toAbsolutePath());
        } else if (e instanceof RepositoryUnavailableException unavailable) {
            text = messages.get("cli.error.repositoryUnavailable", unavailable.location(),
                    messages.get("cli.error.repositoryUnavailable." + unavailable.reason().name().toLowerCase(Locale.ROOT),
                            unavailable.detail()));
        } else if (e instanceof DefinitionException) {
            text = messages.get("cli.error.definition", e.getMessage());
        } else if (e instanceof IllegalArgumentException) {
            text = messages.get("cli.error.configuration", e.getMessage());
        } else {
            LoggerFactory.getLogger(Main.class).error("Command failed", e);
            text = messages.get("cli.error.unexpected", e.toString());
        }
        command.getErr().println(text);
        return 1;
    }

    /** Without a sub-command the platform starts, as {@code serve}. */
    @Override
    public Integer call() throws Exception {
        return new Serve(this).call();
    }

    PlatformConfig config() {
        PlatformConfig config = PlatformConfig.load(Optional.ofNullable(configFile), System.getenv());
        return dataDir == null ? config : config.withDataDir(dataDir);
    }

    @Command(name = "serve", description = "Démarre la plateforme (serveur HTTP et dépôt).")
    static final class Serve implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @Option(names = {"-p", "--port"}, description = "Port HTTP (défaut : 8080, ou server.port).")
        Integer port;

        @Option(names = "--no-demo", description = "Ne pas importer les données de démonstration sur un dépôt vide.")
        boolean noDemo;

        Serve() {
        }

        Serve(Main parent) {
            this.parent = parent;
        }

        @Override
        public Integer call() throws Exception {
            PlatformConfig config = parent.config();
            if (port != null) {
                config = config.withPort(port);
            }
            if (noDemo) {
                config = config.withDemoData(false);
            }
            Platform platform = Platform.start(config);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                platform.close();
                stopped.countDown();
            }, "shutdown"));
            System.out.printf("Open Collectivités écoute sur http://%s:%d/ (données : %s)%n",
                    "0.0.0.0".equals(config.host()) ? "localhost" : config.host(), platform.port(),
                    config.dataDir().toAbsolutePath());
            stopped.await();
            return 0;
        }
    }

    @Command(name = "import", description = "Importe des fichiers officiels (un fichier ou un dossier), reconnus par leur contenu. "
            + "Code de sortie 0 si tout fichier reconnu a été importé, 1 sinon.")
    static final class Import implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @Parameters(paramLabel = "CHEMIN", arity = "0..1", description = "Fichier ou dossier à importer (.gz accepté).")
        Path path;

        @Option(names = "--force", description = "Importer même un millésime plus ancien que celui du référentiel (inscrit au journal d'audit).")
        boolean force;

        @Option(names = "--partiel", description = "Prendre chaque fichier comme partiel : il ajoute et met à jour, ne retire rien.")
        boolean partial;

        @Option(names = "--history", description = "Afficher l'historique des imports (les plus récents d'abord) au lieu d'importer.")
        boolean history;

        @Option(names = "--limit", defaultValue = "10", description = "Nombre d'imports affichés par --history (défaut : 10).")
        int limit;

        @Option(names = "--run", description = "Avec --history : un import en entier, par son identifiant (ex. 2026-01/20260115T…).")
        String run;

        @Override
        public Integer call() {
            if (history) {
                return ImportCommand.history(parent.config(), Math.max(1, limit), java.util.Optional.ofNullable(run), System.out);
            }
            return ImportCommand.run(parent.config(), path, new fr.anct.opencollectivites.imports.ImportOptions(force, partial),
                    System.out, System.err);
        }
    }

    @Command(name = "backup", description = "Sauvegarde tout le contenu du dépôt dans un fichier portable (ZIP de vues système JCR).")
    static final class Backup implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @Parameters(paramLabel = "FICHIER", description = "Fichier de sauvegarde à écrire (.zip).")
        Path file;

        @Override
        public Integer call() {
            return BackupCommands.backup(parent.config(), file) ? 0 : 1;
        }
    }

    @Command(name = "restore", description = "Restaure une sauvegarde dans un dépôt neuf (dossier de données vide ou base PostgreSQL vide).")
    static final class Restore implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @Parameters(paramLabel = "FICHIER", description = "Fichier de sauvegarde à lire (.zip).")
        Path file;

        @Override
        public Integer call() {
            return BackupCommands.restore(parent.config(), file) ? 0 : 1;
        }
    }

    @Command(name = "create-admin", description = "Crée un compte administrateur (le mot de passe est demandé deux fois).")
    static final class CreateAdmin implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @Option(names = "--login", required = true, description = "Identifiant du compte.")
        String login;

        @Option(names = "--email", required = true, description = "Adresse électronique (réinitialisation du mot de passe).")
        String email;

        @Override
        public Integer call() throws Exception {
            return CreateAdminCommand.run(parent.config(), login, email, CreateAdminCommand.consoleOrStdin(), System.out)
                    ? 0 : 1;
        }
    }
}
