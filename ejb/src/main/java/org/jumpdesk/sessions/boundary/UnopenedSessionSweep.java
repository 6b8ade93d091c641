package org.jumpdesk.sessions.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;

/**
 * Every minute, ends the API jumps nobody opened in time. Runs on every node (a non-persistent timer); the
 * one {@code UPDATE} only ends sessions still waiting, so concurrent runs do not end one twice.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UnopenedSessionSweep {

    private static final Logger LOG = Logger.getLogger(UnopenedSessionSweep.class.getName());

    @EJB
    private SupportSessions supportSessions;

    @Schedule(hour = "*", minute = "*", persistent = false)
    void sweep() {
        int ended = supportSessions.endUnopened();
        if (ended > 0) {
            LOG.info(() -> ended + " sessions started through the API were not opened in time and were ended");
        }
    }
}
