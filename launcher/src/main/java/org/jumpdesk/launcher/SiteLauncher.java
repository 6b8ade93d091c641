package org.jumpdesk.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a JumpDesk site on this machine until interrupted: {@code java -cp "jumpdesk-launcher.jar:lib/*" org.jumpdesk.launcher.SiteLauncher --server
 * <provisioned WildFly> --ear <jumpdesk.ear>}. Uses the PostgreSQL named by {@code JUMPDESK_DB_URL} (with
 * {@code JUMPDESK_DB_USER}, {@code JUMPDESK_DB_PASSWORD}), or starts an embedded one whose data stays in
 * {@code JUMPDESK_HOME}.
 */
public final class SiteLauncher {

    static final int DEFAULT_EMBEDDED_PORT = 15432;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    /** The exit code once stopped: 0 for a stop on request, set by main when something failed. */
    private static volatile int exitCode;

    private SiteLauncher() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        // The embedded server narrates its start-up at INFO; only problems are worth showing here.
        Logger.getLogger("io.zonky").setLevel(Level.WARNING);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path server = Path.of(options.get("--server")).toAbsolutePath();
        Path ear = Path.of(options.get("--ear")).toAbsolutePath();
        int offset = Integer.parseInt(System.getenv().getOrDefault("JUMPDESK_PORT_OFFSET", "0"));
        SiteHome home = SiteHome.fromEnvironment();
        String hostname = InetAddress.getLocalHost().getHostName();

        Map<String, String> environment = new HashMap<>();
        EmbeddedDatabase embedded = null;
        String databaseUrl = System.getenv("JUMPDESK_DB_URL");
        if (databaseUrl == null || databaseUrl.isBlank()) {
            int port = Integer.parseInt(
                    System.getenv().getOrDefault("JUMPDESK_EMBEDDED_DB_PORT", Integer.toString(DEFAULT_EMBEDDED_PORT)));
            out.println("Starting the embedded PostgreSQL (data in " + home.databaseDirectory() + ") ...");
            embedded = EmbeddedDatabase.start(home.databaseDirectory(), port);
            databaseUrl = embedded.createDatabaseIfMissing("jumpdesk");
            environment.put("JUMPDESK_DB_URL", databaseUrl);
            environment.put("JUMPDESK_DB_USER", EmbeddedDatabase.USER);
            // Embedded servers trust local connections; WildFly needs some password all the same.
            environment.put("JUMPDESK_DB_PASSWORD", EmbeddedDatabase.USER);
        }
        home.ensureKeyStore(hostname);
        String adminPassword = home.initialAdminPassword();
        environment.put("JUMPDESK_INITIAL_ADMIN_PASSWORD", adminPassword);
        environment.put("JUMPDESK_TLS_KEYSTORE", home.keyStore().toString());
        environment.put("JUMPDESK_TLS_KEYSTORE_PASSWORD", home.keyStorePassword());

        out.println("Starting WildFly with JumpDesk ...");
        WildFlyProcess wildfly = WildFlyProcess.start(
                server,
                ear,
                server.resolveSibling("site"),
                environment,
                List.of("-b", "0.0.0.0", "-Djboss.socket.binding.port-offset=" + offset));
        EmbeddedDatabase database = embedded;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(wildfly, database, out), "jumpdesk-stop"));

        URI local = URI.create("http://localhost:" + (8080 + offset) + "/login.xhtml");
        if (!wildfly.awaitReady(local, START_TIMEOUT)) {
            out.println("JumpDesk did not start. See the server log: " + wildfly.log());
            exitCode = 1;
            System.exit(1);
        }
        out.println();
        out.println("JumpDesk is running.");
        out.println("  Console:        https://" + hostname + ":" + (8443 + offset) + "/  (also http://localhost:"
                + (8080 + offset) + "/)");
        out.println("  First login:    admin / " + adminPassword + "   (stored in "
                + home.root().resolve("initial-admin-password") + ")");
        out.println("  Agent endpoint: wss://" + hostname + ":" + (8443 + offset) + "/agent");
        out.println("  TLS SHA-256:    " + home.certificateFingerprint());
        out.println("  Database:       "
                + (embedded == null ? databaseUrl : "embedded PostgreSQL, data in " + home.databaseDirectory()));
        out.println("  Server log:     " + wildfly.log());
        out.println("Press Ctrl+C to stop.");
        int exit = wildfly.waitFor();
        if (exit != 0) {
            out.println("WildFly stopped with exit code " + exit + ". See " + wildfly.log());
            exitCode = exit;
        }
    }

    private static void stop(WildFlyProcess wildfly, EmbeddedDatabase database, PrintStream out) {
        out.println("Stopping JumpDesk ...");
        try {
            wildfly.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (database != null) {
            database.close();
        }
        out.println("JumpDesk stopped.");
        // Being asked to stop is a normal end (exit 0, so the build running us reports no failure);
        // a failure keeps the code main chose.
        Runtime.getRuntime().halt(exitCode);
    }

    private static Map<String, String> options(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        for (String required : List.of("--server", "--ear")) {
            String value = options.get(required);
            if (value == null || !Files.exists(Path.of(value))) {
                System.err.println("jumpdesk-launcher: " + required + " must name an existing path, was " + value);
                System.err.println("usage: SiteLauncher --server <provisioned WildFly> --ear <jumpdesk.ear>");
                System.exit(2);
            }
        }
        return options;
    }
}
