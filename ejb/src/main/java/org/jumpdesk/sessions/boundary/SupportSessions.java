package org.jumpdesk.sessions.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jumpdesk.audit.control.AuditTrail;
import org.jumpdesk.jumpclients.boundary.JumpClients;
import org.jumpdesk.jumpclients.entity.JumpClientState;
import org.jumpdesk.platform.DatabaseMigrations;
import org.jumpdesk.sessions.control.SessionScope;
import org.jumpdesk.sessions.control.SessionScopes;
import org.jumpdesk.settings.boundary.ClientSettingsValues;
import org.jumpdesk.settings.boundary.Settings;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.AuditedAs;
import org.jumpdesk.shared.JumpDeskStatus;
import org.jumpdesk.shared.Secrets;

/**
 * Support sessions from the jump to the end. A jump is checked like the Jump action (role, installed,
 * agent version: {@link JumpClients#startJump}) and counted against {@code max_concurrent_jumps}: more
 * sessions being set up at once than that is {@code SERVER_BUSY}. Each step writes its audit row in its
 * transaction.
 */
@Stateless
@AuditedAs
public class SupportSessions {

    /** A session started through the API must be opened in the console within this time. */
    public static final Duration OPEN_WITHIN = Duration.ofMinutes(10);

    /** A session still waiting for its agent after this long no longer counts as being set up. */
    static final Duration SETTING_UP = Duration.ofMinutes(2);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The advisory lock every node takes to count jumps being set up ("JDJUMPS" in ASCII). */
    public static final long JUMP_LOCK = 0x4A44_4A55_4D50_53L;

    /**
     * How long a jump waits for {@link #JUMP_LOCK}: longer means something inside the site is stuck (a
     * node holding it, an overloaded database), which is {@code SESSION_TIMEOUT_INTERNAL}, not a hang.
     */
    static final Duration JUMP_LOCK_WAIT = Duration.ofSeconds(5);

    /** Numbers a batch of events after the session's last one, in their order. */
    private static final String APPEND_RECORDING = "INSERT INTO session_recording_event (session_id, seq, at_seconds,"
            + " kind, data) SELECT ?, next.seq + e.n - 1, e.at, e.kind, e.data FROM (SELECT coalesce(max(seq) + 1, 0)"
            + " AS seq FROM session_recording_event WHERE session_id = ?) next,"
            + " unnest(?::float8[], ?::text[], ?::text[]) WITH ORDINALITY AS e(at, kind, data, n)";

    /** PostgreSQL's "lock_not_available", which a statement gets when it waited beyond lock_timeout. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    @PersistenceContext
    private EntityManager entityManager;

    /** The same transaction's connection, for statements with array parameters. */
    @Resource(lookup = DatabaseMigrations.DATASOURCE)
    private DataSource dataSource;

    @EJB
    private JumpClients jumpClients;

    @EJB
    private Settings settings;

    @EJB
    private SessionScopes scopes;

    @EJB
    private AuditTrail auditTrail;

    @Inject
    private Clock clock;

    /** How many jumps are being set up and how many sessions are in progress, site-wide. */
    public record Counts(long settingUp, long active) {}

    public Counts counts() {
        Object[] row = (Object[]) entityManager
                .createNativeQuery("SELECT count(*) FILTER (WHERE state = 'REQUESTED' AND requested_at > ?),"
                        + " count(*) FILTER (WHERE state = 'ACTIVE') FROM support_session WHERE state <> 'ENDED'")
                .setParameter(1, Timestamp.from(clock.instant().minus(SETTING_UP)))
                .getSingleResult();
        return new Counts(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /**
     * A representative jumps to a client.
     *
     * @throws org.jumpdesk.shared.JumpDeskException those of {@link JumpClients#startJump}, {@code SERVER_BUSY}
     *     beyond {@code max_concurrent_jumps} being set up, {@code SESSION_TIMEOUT_INTERNAL} when the count
     *     cannot be taken in time
     */
    public SessionTicket request(Actor actor, UUID clientId) {
        boolean passive = jumpClients.startJumpForSession(actor, clientId) == JumpClientState.PASSIVE;
        Instant now = clock.instant();
        requireFreeJumpSlot(now);
        String token = newToken();
        UUID sessionId = insert(clientId, null, actor, "REQUESTED", Secrets.sha256Hex(token), now);
        auditTrail.record(actor.name(), "session.requested", clientId.toString(), "session " + sessionId);
        return ticket(sessionId, clientId, token, passive, null);
    }

    /**
     * A jump started outside the console (the REST API): checked and recorded like the console's, the
     * session then waits ({@code WAITING}) for the same user to open it in the console within
     * {@link #OPEN_WITHIN}, which is when the agent is asked to attach.
     *
     * @return the session's id
     */
    @AuditedAs("session.request")
    public UUID requestForConsole(Actor actor, UUID clientId) {
        jumpClients.startJumpForSession(actor, clientId);
        UUID sessionId = insert(clientId, null, actor, "WAITING", null, clock.instant());
        auditTrail.record(
                actor.name(),
                "session.requested",
                clientId.toString(),
                "session " + sessionId + ", waiting for the representative");
        return sessionId;
    }

    /**
     * Ends the sessions started through the API that nobody opened within {@link #OPEN_WITHIN}
     * ({@code NOT_OPENED}), each with its audit row, so that reports show them as ended and not waiting.
     *
     * @return how many were ended
     */
    public int endUnopened() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> ended = entityManager
                .createNativeQuery("UPDATE support_session SET state = 'ENDED', ended_at = ?, outcome = 'NOT_OPENED'"
                        + " WHERE state = 'WAITING' AND requested_at <= ?"
                        + " RETURNING id::text, representative")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, Timestamp.from(now.minus(OPEN_WITHIN)))
                .getResultList();
        for (Object[] session : ended) {
            auditTrail.record(
                    "session:" + session[0],
                    "session.ended",
                    (String) session[0],
                    "NOT_OPENED; " + session[1] + " did not open it in the console within " + OPEN_WITHIN.toMinutes()
                            + " minutes");
        }
        return ended.size();
    }

    /**
     * The representative opens in the console a session started by {@link #requestForConsole}: it becomes a
     * jump being set up (counted against {@code max_concurrent_jumps}) with a fresh agent token.
     *
     * @throws org.jumpdesk.shared.JumpDeskException {@code JC_NOT_FOUND} for a session that is not this
     *     user's, not waiting, or waited longer than {@link #OPEN_WITHIN}; {@code SERVER_BUSY}
     */
    @AuditedAs("session.open")
    public SessionTicket open(Actor actor, UUID sessionId) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object> waiting = entityManager
                .createNativeQuery(
                        "SELECT client_id::text FROM support_session WHERE id = ?::uuid AND representative = ?"
                                + " AND state = 'WAITING' AND requested_at > ? FOR UPDATE")
                .setParameter(1, sessionId.toString())
                .setParameter(2, actor.name())
                .setParameter(3, Timestamp.from(now.minus(OPEN_WITHIN)))
                .getResultList();
        if (waiting.isEmpty()) {
            throw JumpDeskStatus.JC_NOT_FOUND.exception("no session " + sessionId + " waiting for " + actor.name());
        }
        UUID clientId = UUID.fromString((String) waiting.get(0));
        boolean passive = jumpClients.details(actor, clientId).state() == JumpClientState.PASSIVE;
        requireFreeJumpSlot(now);
        String token = newToken();
        entityManager
                .createNativeQuery("UPDATE support_session SET state = 'REQUESTED', token_hash = ?, requested_at = ?"
                        + " WHERE id = ?::uuid")
                .setParameter(1, Secrets.sha256Hex(token))
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, sessionId.toString())
                .executeUpdate();
        auditTrail.record(actor.name(), "session.opened", sessionId.toString(), null);
        return ticket(sessionId, clientId, token, passive, null);
    }

    /**
     * A representative accepts an attended customer from their queue: the customer's temporary client is
     * asked to attach like an agent.
     *
     * @throws org.jumpdesk.shared.JumpDeskException {@code CUSTOMER_NOT_WAITING} when the customer left,
     *     was accepted already, or waits for someone else
     */
    @AuditedAs("attended.accept")
    public SessionTicket acceptCustomer(Actor actor, UUID customerId) {
        int accepted = entityManager
                .createNativeQuery("UPDATE attended_customer SET state = 'ACCEPTED' WHERE id = ?::uuid"
                        + " AND representative = ? AND state = 'WAITING'")
                .setParameter(1, customerId.toString())
                .setParameter(2, actor.name())
                .executeUpdate();
        if (accepted == 0) {
            throw JumpDeskStatus.CUSTOMER_NOT_WAITING.exception(
                    "customer " + customerId + " is not waiting for " + actor.name());
        }
        String token = newToken();
        UUID sessionId = insert(null, customerId, actor, "REQUESTED", Secrets.sha256Hex(token), clock.instant());
        auditTrail.record(actor.name(), "attended.accept", customerId.toString(), "session " + sessionId);
        return ticket(sessionId, null, token, false, customerId);
    }

    /** The ticket, with the wait for the agent from the settings this transaction reads (or has read). */
    private SessionTicket ticket(UUID sessionId, UUID clientId, String token, boolean passive, UUID customerId) {
        ClientSettingsValues current = settings.current();
        return new SessionTicket(
                sessionId,
                clientId,
                token,
                passive,
                customerId,
                Duration.ofSeconds(current.connectTimeoutSeconds()),
                Duration.ofSeconds(current.passiveCheckInSeconds()));
    }

    /**
     * A new session row, for a Jump Client or an attended customer; the token's hash is null while it waits
     * for its representative.
     */
    private UUID insert(UUID clientId, UUID customerId, Actor actor, String state, String tokenHash, Instant now) {
        UUID sessionId = UUID.randomUUID();
        entityManager
                .createNativeQuery("INSERT INTO support_session (id, client_id, customer_id, representative,"
                        + " token_hash, state, requested_at) VALUES (?::uuid, ?::uuid, ?::uuid, ?, ?, ?, ?)")
                .setParameter(1, sessionId.toString())
                .setParameter(2, clientId == null ? null : clientId.toString())
                .setParameter(3, customerId == null ? null : customerId.toString())
                .setParameter(4, actor.name())
                .setParameter(5, tokenHash)
                .setParameter(6, state)
                .setParameter(7, Timestamp.from(now))
                .executeUpdate();
        return sessionId;
    }

    /** Refuses with {@code SERVER_BUSY} while {@code max_concurrent_jumps} jumps are being set up. */
    private void requireFreeJumpSlot(Instant now) {
        lockJumpsBeingSetUp();
        // The count also lifts the lock's wait limit: the rest of the transaction waits as it always does.
        Object[] row = (Object[]) entityManager
                .createNativeQuery("SELECT (SELECT count(*) FROM support_session WHERE state = 'REQUESTED'"
                        + " AND requested_at > ?), set_config('lock_timeout', '0', true)")
                .setParameter(1, Timestamp.from(now.minus(SETTING_UP)))
                .getSingleResult();
        long settingUp = ((Number) row[0]).longValue();
        if (settingUp >= settings.current().maxConcurrentJumps()) {
            throw JumpDeskStatus.SERVER_BUSY.exception(settingUp + " jumps are being set up");
        }
    }

    /**
     * One jump set up at a time per check, so the limit holds across nodes; waiting beyond
     * {@link #JUMP_LOCK_WAIT} is {@code SESSION_TIMEOUT_INTERNAL}. One statement: the wait limit is set
     * in the sub-select (a volatile function, evaluated before the lock is asked for).
     */
    private void lockJumpsBeingSetUp() {
        try {
            entityManager
                    .createNativeQuery("SELECT pg_advisory_xact_lock(?) FROM (SELECT set_config('lock_timeout', ?,"
                            + " true)) AS waiting_at_most")
                    .setParameter(1, JUMP_LOCK)
                    .setParameter(2, JUMP_LOCK_WAIT.toMillis() + "ms")
                    .getSingleResult();
        } catch (PersistenceException e) {
            if (LOCK_NOT_AVAILABLE.equals(sqlState(e))) {
                throw JumpDeskStatus.SESSION_TIMEOUT_INTERNAL.exception(
                        "the jump lock was not free within " + JUMP_LOCK_WAIT);
            }
            throw e;
        }
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static String newToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /**
     * The agent's session connection presents its token: the session starts. A token works once.
     *
     * @throws org.jumpdesk.shared.JumpDeskException {@code AGENT_AUTHENTICATION_FAILED} for a wrong or
     *     used token
     */
    public void attach(UUID sessionId, String token) {
        int started = entityManager
                .createNativeQuery("UPDATE support_session SET state = 'ACTIVE', started_at = ? WHERE id = ?::uuid"
                        + " AND token_hash = ? AND state = 'REQUESTED'")
                .setParameter(1, Timestamp.from(clock.instant()))
                .setParameter(2, sessionId.toString())
                .setParameter(3, Secrets.sha256Hex(token))
                .executeUpdate();
        if (started == 0) {
            throw JumpDeskStatus.AGENT_AUTHENTICATION_FAILED.exception("no session " + sessionId + " for that token");
        }
        auditTrail.record("session:" + sessionId, "session.started", sessionId.toString(), null);
    }

    /**
     * The session ended, for the given reason ({@code ENDED_BY_REPRESENTATIVE}, a catalogue code, ...), with
     * the bytes that crossed the relay. Ending twice keeps the first end.
     */
    public void end(UUID sessionId, String outcome, long bytesToAgent, long bytesFromAgent) {
        end(sessionId, outcome, bytesToAgent, bytesFromAgent, List.of());
    }

    /**
     * Like {@link #end(UUID, String, long, long)}, with the last recorded events appended in the same
     * transaction (one commit for the end of a session, not one for the recording and one for the end).
     */
    public void end(UUID sessionId, String outcome, long bytesToAgent, long bytesFromAgent, List<RecordedEvent> last) {
        record(sessionId, last);
        int ended = entityManager
                .createNativeQuery("UPDATE support_session SET state = 'ENDED', ended_at = ?, outcome = ?,"
                        + " bytes_to_agent = ?, bytes_from_agent = ? WHERE id = ?::uuid AND state <> 'ENDED'")
                .setParameter(1, Timestamp.from(clock.instant()))
                .setParameter(2, outcome)
                .setParameter(3, bytesToAgent)
                .setParameter(4, bytesFromAgent)
                .setParameter(5, sessionId.toString())
                .executeUpdate();
        if (ended > 0) {
            auditTrail.record(
                    "session:" + sessionId,
                    "session.ended",
                    sessionId.toString(),
                    outcome + "; " + bytesToAgent + " bytes to the agent, " + bytesFromAgent + " from it");
        }
    }

    /**
     * Appends recorded events after those already stored: one statement for the whole batch (a row per
     * statement cost a round trip per event).
     */
    public void record(UUID sessionId, List<RecordedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(APPEND_RECORDING)) {
            insert.setObject(1, sessionId);
            insert.setObject(2, sessionId);
            insert.setArray(
                    3,
                    connection.createArrayOf(
                            "float8",
                            events.stream().map(RecordedEvent::atSeconds).toArray(Double[]::new)));
            insert.setArray(
                    4,
                    connection.createArrayOf(
                            "text", events.stream().map(RecordedEvent::kind).toArray(String[]::new)));
            insert.setArray(
                    5,
                    connection.createArrayOf(
                            "text", events.stream().map(RecordedEvent::data).toArray(String[]::new)));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("cannot record " + events.size() + " events of session " + sessionId, e);
        }
    }

    /**
     * The session's recording, for those who may replay it: its representative, administrators, and users
     * with {@code MANAGE} in the client's group ({@link SessionScope}). Anyone else gets nothing, as for a
     * session without a recording.
     */
    public List<RecordedEvent> recording(Actor actor, UUID sessionId) {
        SessionScope scope = scopes.of(actor);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT e.at_seconds, e.kind, e.data FROM session_recording_event e"
                        + " JOIN support_session s ON s.id = e.session_id JOIN jump_client c ON c.id = s.client_id"
                        + " WHERE e.session_id = ?2::uuid AND " + scope.condition(1) + " ORDER BY e.seq")
                .setParameter(1, scope.representative())
                .setParameter(2, sessionId.toString())
                .getResultList();
        return rows.stream()
                .map(row -> new RecordedEvent(((Number) row[0]).doubleValue(), row[1].toString(), (String) row[2]))
                .toList();
    }
}
