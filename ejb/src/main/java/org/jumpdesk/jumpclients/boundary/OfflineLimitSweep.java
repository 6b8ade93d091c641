package org.jumpdesk.jumpclients.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Every ten minutes, uninstalls and removes clients offline for longer than their offline limit. Runs on
 * every node (a non-persistent timer); the use case locks each row, so concurrent runs do not collide.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OfflineLimitSweep {

    private static final Logger LOG = Logger.getLogger(OfflineLimitSweep.class.getName());

    @EJB
    private JumpClients jumpClients;

    @Inject
    private Clock clock;

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void sweep() {
        int removed = jumpClients.removeOfflineBeyondLimit(clock.instant());
        if (removed > 0) {
            LOG.info(() -> removed + " Jump Clients reached their offline limit and were removed");
        }
    }
}
