package org.jumpdesk.dashboard;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jumpdesk.dashboard.boundary.Dashboard;

/**
 * Every node samples once a minute (a non-persistent timer, so on every node); the first sample of each
 * {@link Dashboard#BUCKET} wins and later ones change nothing, so a node that starts mid-bucket still
 * contributes and none counts twice.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DashboardSampler {

    private static final Logger LOG = Logger.getLogger(DashboardSampler.class.getName());

    @EJB
    private Dashboard dashboard;

    @Inject
    private ConnectedClients connectedClients;

    @Schedule(hour = "*", minute = "*", persistent = false)
    void sample() {
        try {
            dashboard.sample(Instant.now(), node(), connectedClients.connectedHere());
        } catch (RuntimeException e) {
            // The next minute tries again; a missed sample is a gap in a chart, nothing more.
            LOG.log(Level.WARNING, "could not record the dashboard sample", e);
        }
    }

    /** This node's name in a cluster ({@code jboss.node.name}, which WildFly sets from the host name). */
    static String node() {
        return System.getProperty("jboss.node.name", "node");
    }
}
