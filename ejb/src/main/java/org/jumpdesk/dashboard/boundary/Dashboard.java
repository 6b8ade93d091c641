package org.jumpdesk.dashboard.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jumpdesk.jumpgroups.control.Permissions;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.AuditedAs;

/**
 * The dashboard's history. Every node samples each {@link #BUCKET}: the agents connected to it under its
 * own name, and the site-wide Jump Client state counts once per bucket. Inserts are idempotent per bucket
 * ({@code ON CONFLICT DO NOTHING}), so nodes sampling together or twice never double count. Samples are
 * telemetry, not changes anyone made, so they write no audit rows. Sessions per day come from
 * {@code support_session} itself.
 */
@Stateless
@AuditedAs
public class Dashboard {

    /** One sample per node per this much time. */
    public static final Duration BUCKET = Duration.ofMinutes(5);

    /** How far back the connected-clients and state charts reach. */
    public static final Duration HISTORY = Duration.ofHours(24);

    /** How many days the sessions chart shows, today included. */
    public static final int SESSION_DAYS = 14;

    @PersistenceContext
    private EntityManager entityManager;

    @EJB
    private Permissions permissions;

    @Inject
    private Clock clock;

    /** The start of the bucket an instant falls in. */
    public static Instant bucketOf(Instant at) {
        long size = BUCKET.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), size) * size);
    }

    /**
     * Records this node's sample for the bucket of {@code at}, unless one exists: the agents connected to
     * the node and, if no node did yet, the state counts of all Jump Clients that are not deleted.
     */
    public void sample(Instant at, String node, int connectedHere) {
        Timestamp bucket = Timestamp.from(bucketOf(at));
        entityManager
                .createNativeQuery("INSERT INTO connected_clients_sample (bucket, node, connected) VALUES (?1, ?2, ?3)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, bucket)
                .setParameter(2, node)
                .setParameter(3, connectedHere)
                .executeUpdate();
        entityManager
                .createNativeQuery("INSERT INTO client_state_sample (bucket, pinned, active, passive, uninstalled)"
                        + " SELECT ?1, count(*) FILTER (WHERE state = 'PINNED'), count(*) FILTER (WHERE state = 'ACTIVE'),"
                        + " count(*) FILTER (WHERE state = 'PASSIVE'), count(*) FILTER (WHERE state = 'UNINSTALLED')"
                        + " FROM jump_client WHERE deleted_at IS NULL ON CONFLICT DO NOTHING")
                .setParameter(1, bucket)
                .executeUpdate();
    }

    /**
     * The charts (administrators).
     *
     * @throws org.jumpdesk.shared.JumpDeskException {@code PERMISSION_DENIED} for anyone else
     */
    @AuditedAs("dashboard.read")
    public DashboardCharts charts(Actor actor) {
        permissions.requireAdministrator(actor);
        Instant now = clock.instant();
        Timestamp since = Timestamp.from(now.minus(HISTORY));
        @SuppressWarnings("unchecked")
        List<Object[]> connected = entityManager
                .createNativeQuery("SELECT bucket, sum(connected) FROM connected_clients_sample WHERE bucket >= ?1"
                        + " GROUP BY bucket ORDER BY bucket")
                .setParameter(1, since)
                .getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> states = entityManager
                .createNativeQuery("SELECT bucket, pinned, active, passive, uninstalled FROM client_state_sample"
                        + " WHERE bucket >= ?1 ORDER BY bucket")
                .setParameter(1, since)
                .getResultList();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = today.minusDays(SESSION_DAYS - 1L);
        @SuppressWarnings("unchecked")
        List<Object[]> sessions = entityManager
                .createNativeQuery("SELECT (d AT TIME ZONE 'UTC')::date, (SELECT count(*) FROM support_session"
                        + " WHERE requested_at >= d AND requested_at < d + interval '1 day')"
                        + " FROM generate_series(?1::timestamptz, ?2::timestamptz, interval '1 day') d ORDER BY d")
                .setParameter(
                        1, Timestamp.from(first.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .setParameter(
                        2, Timestamp.from(today.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .getResultList();
        return new DashboardCharts(
                connected.stream()
                        .map(row -> new DashboardCharts.Connected(instant(row[0]), number(row[1])))
                        .toList(),
                sessions.stream()
                        .map(row -> new DashboardCharts.SessionDay(((Date) row[0]).toLocalDate(), number(row[1])))
                        .toList(),
                states.stream()
                        .map(row -> new DashboardCharts.States(
                                instant(row[0]), number(row[1]), number(row[2]), number(row[3]), number(row[4])))
                        .toList());
    }

    private static Instant instant(Object value) {
        return ((Timestamp) value).toInstant();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
