package org.jumpdesk.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;
import java.util.stream.Stream;

/** Entry point: {@code java -jar jump-client.jar --site wss://host/agent}. */
public final class JumpClientMain {

    private static final Logger LOG = Logger.getLogger(JumpClientMain.class.getName());
    private static final int JC_NOT_FOUND = 4404;
    private static final int JC_UNINSTALLED = 4410;

    private JumpClientMain() {}

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && LocalControl.COMMANDS.contains(args[0])) {
            Path stateDirectory = args.length == 3 && args[1].equals("--state-dir")
                    ? Path.of(args[2])
                    : Path.of(System.getProperty("user.home"), ".jumpdesk-agent");
            System.exit(new LocalControl(stateDirectory).run(args[0], System.out));
            return;
        }
        AgentOptions options;
        try {
            options = AgentOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("jump-client: " + e.getMessage());
            System.err.println(AgentOptions.USAGE);
            System.exit(2);
            return;
        }
        LocalControl control = new LocalControl(options.stateDirectory());
        if (!control.lockForThisProcess()) {
            System.err.println("jump-client: another Jump Client already runs with " + options.stateDirectory());
            System.exit(2);
            return;
        }
        AgentIdentity identity = AgentIdentity.load(options.stateDirectory());
        if (identity.clientId().isEmpty() && options.installerKey() == null) {
            System.err.println("jump-client: not registered yet; the first start needs --installer-key");
            System.exit(2);
            return;
        }
        LOG.info(() -> "Jump Client " + AgentIdentity.version() + " starting"
                + identity.clientId().map(id -> " as " + id).orElse(", registering"));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "jump-client");
            thread.setDaemon(false);
            return thread;
        });
        new SiteConnection(options, identity, control, scheduler, (code, why) -> refused(options, identity, code, why))
                .start();
    }

    /**
     * The site refused for good. A client the site no longer knows (deleted: 4404, uninstalled: 4410)
     * removes its local state; an agent that never registered leaves nothing behind either.
     */
    private static void refused(AgentOptions options, AgentIdentity identity, int code, String why) {
        boolean gone = code == JC_NOT_FOUND || code == JC_UNINSTALLED;
        if (gone || identity.clientId().isEmpty()) {
            deleteRecursively(options.stateDirectory());
        }
        if (options.uninstall() && code == JC_UNINSTALLED) {
            System.out.println("jump-client: uninstalled; the site shows this Jump Client as uninstalled");
            System.exit(0);
        }
        System.err.println("jump-client: " + why + (gone ? "; this Jump Client removed its local files" : ""));
        System.exit(gone ? 3 : 1);
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("jump-client: could not remove " + directory + ": " + e.getMessage());
        }
    }
}
