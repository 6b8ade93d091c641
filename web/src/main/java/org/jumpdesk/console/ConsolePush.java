package org.jumpdesk.console;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jumpdesk.agents.AgentPresenceChanged;
import org.jumpdesk.jumpclients.boundary.JumpClientChanged;

/**
 * Tells the open Jump interfaces that Jump Clients changed, so they reload their table without the user
 * asking: after a use case committed, and when an agent connects to or leaves this node. The message
 * carries nothing; each console re-reads what its own user may see.
 *
 * <p>Changes within {@link #GATHER_MILLIS} of each other make one message: a console reloads its table
 * once for a burst (many agents back after a restart, a change to many clients) instead of once per
 * change, and a change does not pay for a push of its own (Mojarra encodes every message to JSON, looking
 * the JSON provider up again each time: a sixth of the server's CPU per audited change when measured).
 *
 * <p>Per node for now: a change committed or an agent connected on another node reaches that node's
 * consoles only. The cluster work fans this one class out to every node.
 */
@ApplicationScoped
public class ConsolePush {

    static final String CHANNEL = "jumpClients";

    static final long GATHER_MILLIS = 200;

    /**
     * Resolved on the scheduler's thread, never the caller's: Mojarra's push context reads the caller's
     * session scope when one is active and fails (NullPointerException) for a session that has not opened a
     * page with a socket, such as an API call or an admin page changing a client.
     */
    @Inject
    @Push(channel = CHANNEL)
    private Instance<PushContext> pushContexts;

    private volatile PushContext consoles;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    private final AtomicBoolean pending = new AtomicBoolean();

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) JumpClientChanged change) {
        tellSoon();
    }

    void presenceChanged(@Observes AgentPresenceChanged change) {
        tellSoon();
    }

    /** One message for every change until it is sent; a change after the reset sends another. */
    private void tellSoon() {
        if (pending.compareAndSet(false, true)) {
            scheduler.schedule(
                    () -> {
                        pending.set(false);
                        consoles().send("changed");
                    },
                    GATHER_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }

    private PushContext consoles() {
        if (consoles == null) {
            consoles = pushContexts.get();
        }
        return consoles;
    }
}
