package org.jumpdesk.agents;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jumpdesk.protocol.Hello;
import org.jumpdesk.protocol.Register;
import org.jumpdesk.protocol.Registered;
import org.jumpdesk.protocol.Statistics;
import org.jumpdesk.protocol.UpdateAvailable;
import org.jumpdesk.protocol.Welcome;

/**
 * What the agent endpoint needs from the rest of the site. Refusals are
 * {@link org.jumpdesk.shared.JumpDeskException}s whose status gives the close code.
 */
public interface AgentDirectory {

    /**
     * A machine registers with an installer key.
     *
     * @param nonce the challenge this connection's agent signed
     */
    Registered register(Register registration, String nonce);

    /**
     * A registered agent has said hello on a new connection: record the contact and the client's presence
     * (this connection, on this node) and tell it how to carry on, in one transaction.
     *
     * @param nonce the challenge this connection's agent signed
     * @param connectionId this connection, as the presence row names it
     * @return the welcome to send back, and the update to offer first
     */
    Welcomed agentConnected(Hello hello, String nonce, UUID connectionId);

    /** A hello on a connection of this node, with what {@link #agentConnected} takes besides. */
    record Connecting(Hello hello, String nonce, UUID connectionId) {}

    /**
     * Several hellos at once, each answered as {@link #agentConnected} answers it; the site's directory
     * welcomes returning agents in one transaction for all.
     *
     * @return each hello's answer, in the order given
     */
    default List<Answer> agentsConnected(List<Connecting> hellos) {
        return hellos.stream().map(this::answerAlone).toList();
    }

    /** One hello taken on its own: {@link #agentConnected}'s welcome, or what it threw. */
    default Answer answerAlone(Connecting hello) {
        try {
            return new Answer(agentConnected(hello.hello(), hello.nonce(), hello.connectionId()), null);
        } catch (RuntimeException e) {
            return new Answer(null, e);
        }
    }

    /**
     * What became of a hello: welcomed, or the refusal or failure {@link #agentConnected} threw.
     *
     * @param welcomed null when refused or failed
     * @param failure null when welcomed
     */
    record Answer(Welcomed welcomed, RuntimeException failure) {}

    /**
     * The answer to a hello.
     *
     * @param update the release offered to an agent on another version, when an upgrade slot was free
     * @param onRelease whether the agent runs the site's agent release (as {@link #runsRelease} would say)
     */
    record Welcomed(Welcome welcome, Optional<UpdateAvailable> update, boolean onRelease) {}

    /**
     * The connection closed: the client is offline unless a newer connection replaced it.
     *
     * @param lastHeard when the agent was last heard from on it, or null if unknown
     */
    void disconnected(UUID clientId, UUID connectionId, Instant lastHeard);

    /** The machine's user disabled or enabled sessions, reported over that connection. */
    void availabilityChanged(UUID clientId, UUID connectionId, boolean disabled);

    /** The agent was uninstalled on its machine. */
    void uninstalled(UUID clientId);

    /**
     * A connected agent reported its machine's statistics. A report that does not fit is refused at once;
     * the site may write it later, and then close the connection if the client is gone meanwhile.
     *
     * @param publicAddress the address the site sees the agent connect from, or null if unknown
     */
    void statistics(UUID clientId, Statistics statistics, String publicAddress);

    /**
     * The agent runs the given version: an update offer when it differs from the site's release and an
     * upgrade slot is free.
     */
    Optional<UpdateAvailable> updateFor(UUID clientId, String agentVersion);

    /** Whether that agent version is the site's release, so no update is due. */
    boolean runsRelease(String agentVersion);
}
