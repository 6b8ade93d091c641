package org.jumpdesk.sessions.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jumpdesk.audit.boundary.AuditEventView;
import org.jumpdesk.sessions.control.SessionScope;
import org.jumpdesk.sessions.control.SessionScopes;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.AuditedAs;
import org.jumpdesk.shared.JumpDeskStatus;
import org.jumpdesk.shared.Texts;

/**
 * Reports on support sessions: who jumped to which client, when, for how long, how it ended, the bytes
 * moved and the audit rows. Administrators read every session; other users those they ran and those on
 * clients of groups they manage ({@link SessionScope}). Reads are not audited; refusals are.
 */
@Stateless
@AuditedAs
public class SessionReports {

    /** A session serves a Jump Client (a jump) or an attended customer, who has no client and no group. */
    private static final String SESSIONS = " FROM support_session s LEFT JOIN jump_client c ON c.id = s.client_id"
            + " LEFT JOIN attended_customer a ON a.id = s.customer_id";

    private static final String COLUMNS =
            "SELECT s.id, s.client_id, coalesce(c.name, c.hostname, a.hostname), g.name, s.representative, s.state,"
                    + " s.requested_at, s.started_at, s.ended_at, s.outcome, s.bytes_to_agent, s.bytes_from_agent"
                    + SESSIONS
                    + " LEFT JOIN jump_group g ON g.id = c.jump_group_id";

    @PersistenceContext
    private EntityManager entityManager;

    @EJB
    private SessionScopes scopes;

    @Inject
    private Clock clock;

    /** Sessions matching the query that the actor may read, newest first. */
    @AuditedAs("session.report")
    public SessionReportPage search(Actor actor, @NotNull @Valid SessionReportQuery query) {
        SessionScope scope = scopes.of(actor);
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        parameters.add(scope.representative());
        conditions.add(scope.condition(1));
        condition(conditions, parameters, "s.requested_at >= ?", timestamp(query.from()));
        condition(conditions, parameters, "s.requested_at < ?", timestamp(query.to()));
        condition(conditions, parameters, "s.representative = ?", Texts.blankToNull(query.representative()));
        condition(conditions, parameters, "s.outcome = ?", Texts.blankToNull(query.outcome()));
        String client = Texts.blankToNull(query.client());
        if (client != null) {
            condition(
                    conditions,
                    parameters,
                    "(s.client_id::text = ? OR c.name ILIKE ? OR c.hostname ILIKE ? OR a.hostname ILIKE ?)",
                    client.trim(),
                    "%" + likeEscaped(client.trim()) + "%");
        }
        String where = " WHERE " + String.join(" AND ", conditions);
        long total = ((Number) bind(entityManager.createNativeQuery("SELECT count(*)" + SESSIONS + where), parameters)
                        .getSingleResult())
                .longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(
                        entityManager.createNativeQuery(COLUMNS + where + " ORDER BY s.requested_at DESC, s.id"
                                + " OFFSET " + query.offset() + " LIMIT " + query.limit()),
                        parameters)
                .getResultList();
        Instant now = clock.instant();
        return new SessionReportPage(rows.stream().map(row -> report(row, now)).toList(), total);
    }

    /**
     * One session with its audit rows.
     *
     * @throws org.jumpdesk.shared.JumpDeskException {@code JC_NOT_FOUND} for a session that does not exist or
     *     that the actor may not read (the same answer)
     */
    @AuditedAs("session.report")
    public SessionDetail detail(Actor actor, UUID sessionId) {
        SessionScope scope = scopes.of(actor);
        Query select = entityManager
                .createNativeQuery(COLUMNS + " WHERE s.id = ?2::uuid AND " + scope.condition(1))
                .setParameter(1, scope.representative())
                .setParameter(2, sessionId.toString());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        if (rows.isEmpty()) {
            throw JumpDeskStatus.JC_NOT_FOUND.exception("no session " + sessionId + " for " + actor.name());
        }
        SessionReport session = report(rows.get(0), clock.instant());
        @SuppressWarnings("unchecked")
        List<Object[]> audit = entityManager
                .createNativeQuery("SELECT id, occurred_at, actor, action, target, outcome, detail FROM audit_event"
                        + " WHERE target = ?1 OR (target = ?2 AND detail LIKE ?3) ORDER BY id")
                .setParameter(1, sessionId.toString())
                .setParameter(2, String.valueOf(session.clientId()))
                .setParameter(3, "session " + sessionId + "%")
                .getResultList();
        boolean recorded = !entityManager
                .createNativeQuery("SELECT 1 FROM session_recording_event WHERE session_id = ?1::uuid LIMIT 1")
                .setParameter(1, sessionId.toString())
                .getResultList()
                .isEmpty();
        return new SessionDetail(
                session,
                audit.stream().map(AuditEventView::ofRow).toList(),
                recorded ? "console/recording.xhtml?session=" + sessionId : null);
    }

    private static SessionReport report(Object[] row, Instant now) {
        Instant startedAt = instant(row[7]);
        Instant endedAt = instant(row[8]);
        return new SessionReport(
                UUID.fromString(row[0].toString()),
                row[1] == null ? null : UUID.fromString(row[1].toString()),
                (String) row[2],
                (String) row[3],
                (String) row[4],
                ((String) row[5]).trim(),
                instant(row[6]),
                startedAt,
                endedAt,
                SessionReport.duration(startedAt, endedAt, now),
                (String) row[9],
                ((Number) row[10]).longValue(),
                ((Number) row[11]).longValue());
    }

    private static Instant instant(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Adds a condition whose {@code ?}s take the values (the last one repeats), numbered after those so far. */
    private static void condition(List<String> conditions, List<Object> parameters, String sql, Object... values) {
        if (values[0] == null) {
            return;
        }
        StringBuilder numbered = new StringBuilder();
        int next = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                parameters.add(values[Math.min(next++, values.length - 1)]);
                numbered.append('?').append(parameters.size());
            } else {
                numbered.append(c);
            }
        }
        conditions.add(numbered.toString());
    }

    private static Query bind(Query query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }
}
