package org.jumpdesk.agents;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.jumpdesk.jumpclients.boundary.AgentConnections;
import org.jumpdesk.jumpclients.control.ThisNode;
import org.jumpdesk.relay.SessionRelay;
import org.jumpdesk.settings.boundary.ClientSettingsValues;
import org.jumpdesk.settings.boundary.Settings;

/**
 * This node's timers for its agent connections: keeps the connection admission rate in step with the
 * settings ({@code reconnects_per_second}) and gives the slots its token bucket freed to waiting agents,
 * closes connections whose agent missed three heartbeats (and releases their presence), ends jumps and
 * sessions past their connect or idle timeout, keeps this node's {@code site_node} row alive (and the
 * agents of silent nodes offline), and writes when connected agents were last heard from, all in one
 * statement every 30 seconds and at shutdown, when it also tells its agents it restarts. Heartbeats
 * themselves never touch the database.
 */
@Singleton
// The timers share nothing but the thread-safe presence; a slow run (the first one waits for the EJB
// module to deploy) must not make the other timer time out on the singleton's lock.
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AgentHousekeeping {

    /** An agent is offline after this many missed heartbeats. */
    static final int MISSED_HEARTBEATS = 3;

    private static final Logger LOG = Logger.getLogger(AgentHousekeeping.class.getName());

    @Inject
    private AgentPresence presence;

    @Inject
    private ConnectionAdmission admission;

    @Inject
    private SessionRelay sessionRelay;

    @EJB
    private AgentConnections agentConnections;

    @EJB
    private ThisNode thisNode;

    @EJB
    private Settings settings;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    void closeSilentConnections() {
        ClientSettingsValues current = settings.current();
        admission.rate(current.reconnectsPerSecond());
        admission.admitWaiting();
        Duration allowed = Duration.ofSeconds((long) MISSED_HEARTBEATS * current.heartbeatSeconds());
        List<AgentPresence.Silent> closed = presence.closeSilent(allowed, Instant.now());
        for (AgentPresence.Silent silent : closed) {
            agentConnections.disconnected(silent.clientId(), silent.connectionId(), silent.lastHeard());
            presence.announce(silent.clientId());
        }
        sessionRelay.expireWaiting(Instant.now());
        sessionRelay.endIdle(Duration.ofMinutes(current.sessionIdleTimeoutMinutes()));
        if (!closed.isEmpty()) {
            LOG.fine(() -> closed.size() + " agents missed " + MISSED_HEARTBEATS + " heartbeats and are offline");
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*/" + ThisNode.KEEP_ALIVE_SECONDS, persistent = false)
    void keepNodeAlive() {
        if (!thisNode.keepAlive()) {
            presence.closeAll("this node was taken for gone; connect again");
        }
    }

    @Schedule(hour = "*", minute = "*", second = "15/30", persistent = false)
    void keepSessionsAlive() {
        sessionRelay.keepAlive();
    }

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
    void writeLastContacts() {
        agentConnections.recordLastHeard(presence.lastHeard());
    }

    /**
     * The node stops: writes when its agents were last heard from, then refuses new agent connections and
     * closes the open ones with 1012 (service restart), so agents come back every few seconds instead of
     * backing off towards a minute. (WildFly may have closed them already with 1001 as it suspended, which
     * the agent takes the same way.)
     */
    @PreDestroy
    void announceRestart() {
        try {
            writeLastContacts();
        } finally {
            admission.closing();
            presence.closeAllForRestart();
        }
    }
}
