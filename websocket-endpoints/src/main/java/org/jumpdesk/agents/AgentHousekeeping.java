package org.jumpdesk.agents;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jumpdesk.jumpclients.boundary.AgentConnections;
import org.jumpdesk.jumpclients.boundary.JumpClients;
import org.jumpdesk.jumpclients.control.ThisNode;
import org.jumpdesk.jumpclients.entity.MachineStatistics;
import org.jumpdesk.relay.SessionRelay;
import org.jumpdesk.settings.boundary.ClientSettingsValues;
import org.jumpdesk.settings.boundary.Settings;
import org.jumpdesk.shared.JumpDeskException;

/**
 * This node's timers for its agent connections: keeps the connection admission rate in step with the
 * settings ({@code reconnects_per_second}) and gives the slots its token bucket freed to waiting agents,
 * closes connections whose agent missed three heartbeats (and releases their presence), ends jumps and
 * sessions past their connect or idle timeout, keeps this node's {@code site_node} row alive (and the
 * agents of silent nodes offline), writes its agents' statistics reports in one statement every two
 * seconds, and when connected agents were last heard from, all in one statement every 30 seconds and at
 * shutdown, when it also tells its agents it restarts. Heartbeats themselves never touch the database.
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

    @Inject
    private StatisticsReports statisticsReports;

    @EJB
    private AgentConnections agentConnections;

    @EJB
    private JumpClients jumpClients;

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
     * The reports collected since the last run, in one statement. A client that is gone meanwhile (removed,
     * uninstalled) is refused as a report of its own would have been: its connection is closed with the
     * refusal's code. If the statement fails as a whole, each report is written on its own.
     */
    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    void writeStatistics() {
        Map<UUID, MachineStatistics> reports = statisticsReports.take();
        if (reports.isEmpty()) {
            // Most runs: no transaction every two seconds for nothing.
            return;
        }
        Set<UUID> unwritten;
        try {
            unwritten = jumpClients.statisticsReported(reports);
        } catch (EJBException e) {
            LOG.log(Level.WARNING, reports.size() + " statistics reports not written together; one by one", e);
            unwritten = reports.keySet();
        }
        for (UUID clientId : unwritten) {
            try {
                jumpClients.statisticsReported(clientId, reports.get(clientId));
            } catch (JumpDeskException refusal) {
                presence.session(clientId)
                        .ifPresent(session ->
                                Sockets.close(session, refusal.status().closeCode(), refusal.getMessage()));
            } catch (EJBException e) {
                LOG.log(Level.WARNING, "statistics of " + clientId + " not written", e);
            }
        }
    }

    /**
     * The node stops: writes its agents' statistics and when they were last heard from, then refuses new
     * agent connections and closes the open ones with 1012 (service restart), so agents come back every few
     * seconds instead of backing off towards a minute. (WildFly may have closed them already with 1001 as it
     * suspended, which the agent takes the same way.)
     */
    @PreDestroy
    void announceRestart() {
        try {
            writeStatistics();
            writeLastContacts();
        } finally {
            admission.closing();
            presence.closeAllForRestart();
        }
    }
}
