package org.jumpdesk.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The agent: {@code java -jar jump-client.jar --site wss://host/agent} (through {@link AgentBoot}), or one
 * of its local commands.
 */
public final class JumpClientMain {

    private static final Logger LOG = Logger.getLogger(JumpClientMain.class.getName());
    private static final int JC_NOT_FOUND = 4404;
    private static final int JC_UNINSTALLED = 4410;

    private JumpClientMain() {}

    public static void main(String[] args) throws IOException {
        System.exit(run(args));
    }

    /**
     * Runs a local command, or the agent until it ends for good or for an update.
     *
     * @return the exit code, or {@link AgentBoot#RESTART_FOR_UPDATE} with the update staged
     */
    public static int run(String[] args) throws IOException {
        if (args.length > 0 && LocalControl.COMMANDS.contains(args[0])) {
            Path stateDirectory = args.length == 3 && args[1].equals("--state-dir")
                    ? Path.of(args[2])
                    : Path.of(System.getProperty("user.home"), ".jumpdesk-agent");
            return new LocalControl(stateDirectory).run(args[0], System.out);
        }
        if (CustomerOptions.requested(args)) {
            return runCustomer(args);
        }
        AgentOptions options;
        try {
            options = AgentOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("jump-client: " + e.getMessage());
            System.err.println(AgentOptions.USAGE);
            return 2;
        }
        LocalControl control = new LocalControl(options.stateDirectory());
        if (!control.lockForThisProcess()) {
            System.err.println("jump-client: another Jump Client already runs with " + options.stateDirectory());
            return 2;
        }
        try {
            return runAgent(options, control);
        } finally {
            control.unlock();
        }
    }

    /** The attended customer's temporary client: no state directory, nothing installed. */
    private static int runCustomer(String[] args) {
        CustomerOptions options;
        try {
            options = CustomerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("jump-client: " + e.getMessage());
            System.err.println(CustomerOptions.USAGE);
            return 2;
        }
        return CustomerClient.run(options, System.in, System.out, Locale.getDefault());
    }

    private static int runAgent(AgentOptions options, LocalControl control) throws IOException {
        AgentIdentity identity = AgentIdentity.load(options.stateDirectory());
        if (identity.clientId().isEmpty() && options.installerKey() == null) {
            System.err.println("jump-client: not registered yet; the first start needs --installer-key");
            return 2;
        }
        LOG.info(() -> "Jump Client " + AgentIdentity.version() + " starting"
                + identity.clientId().map(id -> " as " + id).orElse(", registering"));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "jump-client");
            thread.setDaemon(false);
            return thread;
        });
        CompletableFuture<Integer> exitCode = new CompletableFuture<>();
        new SiteConnection(
                        options,
                        identity,
                        control,
                        SelfUpdate.forThisProcess(options),
                        scheduler,
                        (code, why) -> exitCode.complete(refused(options, identity, code, why)),
                        () -> exitCode.complete(AgentBoot.RESTART_FOR_UPDATE))
                .start();
        try {
            return exitCode.join();
        } finally {
            scheduler.shutdownNow();
        }
    }

    /**
     * The site refused for good. A client the site no longer knows (deleted: 4404, uninstalled: 4410)
     * removes its local state; an agent that never registered leaves nothing behind either.
     *
     * @return the exit code
     */
    private static int refused(AgentOptions options, AgentIdentity identity, int code, String why) {
        boolean gone = code == JC_NOT_FOUND || code == JC_UNINSTALLED;
        if (gone || identity.clientId().isEmpty()) {
            deleteRecursively(options.stateDirectory());
        }
        if (options.uninstall() && code == JC_UNINSTALLED) {
            System.out.println("jump-client: uninstalled; the site shows this Jump Client as uninstalled");
            return 0;
        }
        System.err.println("jump-client: " + why + (gone ? "; this Jump Client removed its local files" : ""));
        return gone ? 3 : 1;
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
