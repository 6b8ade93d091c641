package org.jumpdesk.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every node seals the audit trail {@link #INTERVAL_MILLIS} ms after its last seal ended, so a committed
 * audit row is linked into the chain within about that long; on a cluster the chain's lock lets one node
 * at a time do it (the others find it taken and skip). A fixed delay, not an EJB timer: a seal that
 * takes longer than the interval is never run twice at once.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditSealing {

    static final long INTERVAL_MILLIS = 200;

    private static final Logger LOG = Logger.getLogger(AuditSealing.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @EJB
    private AuditSeal seal;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        task = scheduler.scheduleWithFixedDelay(
                this::sealOnSchedule, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Seals every row committed before the call, one transaction per batch.
     *
     * @param waitForOtherSealer wait while another node (or this one's timer) is sealing, so that every row
     *     committed before the call is sealed on return; else skip, as that sealer will do it
     */
    @Lock(LockType.READ)
    public void sealCommitted(boolean waitForOtherSealer) {
        while (seal.sealBatch(waitForOtherSealer) == AuditSeal.BATCH) {
            // another batch is waiting
        }
    }

    private void sealOnSchedule() {
        try {
            sealCommitted(false);
        } catch (RuntimeException e) {
            // The next run tries again; unsealed rows wait, nothing is lost.
            LOG.log(Level.WARNING, "sealing the audit trail failed", e);
        }
    }

    @PreDestroy
    void stop() {
        task.cancel(false);
    }
}
