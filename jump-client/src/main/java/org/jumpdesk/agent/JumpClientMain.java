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
        AgentIdentity identity = AgentIdentity.loadOrCreate(options.stateDirectory());
        LOG.info(() -> "Jump Client " + AgentIdentity.version() + " (" + identity.clientId() + ") starting");
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "jump-client");
            thread.setDaemon(false);
            return thread;
        });
        new SiteConnection(options, identity, scheduler).start();
    }
}
