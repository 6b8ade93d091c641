package org.jumpdesk.sessions.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One support session as the reports show it.
 *
 * @param state {@code WAITING} (started through the API, not yet opened), {@code REQUESTED}, {@code ACTIVE}
 *     or {@code ENDED}
 * @param durationSeconds from the start to the end (or to now while it runs); null if it never started
 * @param outcome why it ended, null while it has not
 */
public record SessionReport(
        UUID id,
        UUID clientId,
        String clientName,
        String jumpGroup,
        String representative,
        String state,
        Instant requestedAt,
        Instant startedAt,
        Instant endedAt,
        Long durationSeconds,
        String outcome,
        long bytesToAgent,
        long bytesFromAgent) {

    static Long duration(Instant startedAt, Instant endedAt, Instant now) {
        return startedAt == null
                ? null
                : Duration.between(startedAt, endedAt == null ? now : endedAt).toSeconds();
    }
}
