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
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.jumpdesk.jumpclients.boundary.JumpClients;
import org.jumpdesk.relay.SessionRelay;
import org.jumpdesk.settings.boundary.ClientSettingsValues;
import org.jumpdesk.settings.boundary.Settings;

/**
 * This node's timers for its agent connections: keeps the connection admission rate in step with the
 * settings, closes connections whose agent missed three heartbeats, ends jumps and sessions past their
 * connect or idle timeout,
 * and writes when connected agents were last heard from, all in one statement every 30 seconds and at
 * shutdown. Heartbeats themselves never touch the database.
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
    private JumpClients jumpClients;

    @EJB
    private Settings settings;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    void closeSilentConnections() {
        ClientSettingsValues current = settings.current();
        Duration allowed = Duration.ofSeconds((long) MISSED_HEARTBEATS * current.heartbeatSeconds());
        int closed = presence.closeSilent(allowed, Instant.now());
        sessionRelay.expireWaiting(Instant.now());
        sessionRelay.endIdle(Duration.ofMinutes(current.sessionIdleTimeoutMinutes()));
        if (closed > 0) {
            LOG.fine(() -> closed + " agents missed " + MISSED_HEARTBEATS + " heartbeats and are offline");
        }
    }

    @Schedule(hour = "*", minute = "*", second = "15/30", persistent = false)
    void keepSessionsAlive() {
        sessionRelay.keepAlive();
    }

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
    @PreDestroy
    void writeLastContacts() {
        Map<UUID, Instant> heard = presence.lastHeard();
        if (!heard.isEmpty()) {
            jumpClients.recordLastContacts(heard);
        }
    }
}
