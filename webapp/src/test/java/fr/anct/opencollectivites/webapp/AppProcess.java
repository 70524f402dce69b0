package fr.anct.opencollectivites.webapp;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * The packaged application run as a child process, as a user would run it. Its output goes to a file
 * (a pipe read by a thread can lose the last lines when the process exits).
 */
final class AppProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("écoute sur http://[^:]+:(\\d+)/");
    private final Process process;
    private final Path log;

    private AppProcess(List<String> command) throws IOException {
        this(command, Map.of());
    }

    private AppProcess(List<String> command, Map<String, String> environment) throws IOException {
        log = Files.createTempFile("oc-app", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        process = builder.start();
    }

    static Path jar() {
        String configured = System.getProperty("app.jar");
        return Path.of(configured != null ? configured : "target/open-collectivites.jar");
    }

    static List<String> java(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar().toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Starts {@code serve} on a free port and waits until it listens. */
    static AppProcess serve(Path dataDir, String... options) throws Exception {
        return serve(dataDir, Map.of(), options);
    }

    /** Starts {@code serve} with these environment variables ({@code OC_…} settings) added. */
    static AppProcess serve(Path dataDir, Map<String, String> environment, String... options) throws Exception {
        // a free port chosen here, so that site.baseUrl (every absolute address of the pages) names it
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("serve", "--port", String.valueOf(port), "--data-dir", dataDir.toString()));
        args.addAll(List.of(options));
        Map<String, String> settings = new java.util.HashMap<>(environment);
        settings.putIfAbsent(PlatformConfig.environmentName("site.baseUrl"), "http://127.0.0.1:" + port);
        AppProcess app = new AppProcess(java(args.toArray(String[]::new)), settings);
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                    .failFast(() -> !app.process.isAlive()).until(() -> app.port() >= 0);
        } catch (TerminalFailureException e) {
            throw new AssertionError("The application stopped:\n" + app.output(), e);
        } catch (ConditionTimeoutException e) {
            app.close();
            throw new AssertionError("The application did not start in time:\n" + app.output(), e);
        }
        return app;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Runs a command of the application (it goes on in the background). */
    static AppProcess run(String... args) throws IOException {
        return new AppProcess(java(args));
    }

    /** The port it listens on, or -1 before it does. */
    int port() {
        Matcher matcher = LISTENING.matcher(output());
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    Process process() {
        return process;
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, as a service manager stops it. */
    void terminate() {
        process.destroy();
    }

    /** SIGKILL: no shutdown hook runs. */
    void kill() {
        process.destroyForcibly();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a temporary file left behind is harmless
        }
    }
}
