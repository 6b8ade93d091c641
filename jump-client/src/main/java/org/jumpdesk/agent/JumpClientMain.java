package org.jumpdesk.agent;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;

/** Entry point: {@code java -jar jump-client.jar --site wss://host/agent}. */
public final class JumpClientMain {

    private static final Logger LOG = Logger.getLogger(JumpClientMain.class.getName());

    private JumpClientMain() {}

    public static void main(String[] args) {
        AgentOptions options;
        try {
            options = AgentOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("jump-client: " + e.getMessage());
            System.err.println(AgentOptions.USAGE);
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
        new SiteConnection(options, identity, scheduler, why -> {
                    System.err.println("jump-client: " + why);
                    System.exit(1);
                })
                .start();
    }
}
