package org.jumpdesk.pinning.boundary;

import java.time.Instant;
import java.util.UUID;

/**
 * A pin request as the representative's page shows it.
 *
 * @param state {@code REQUESTED}, {@code INSTALLING}, {@code DENIED}, {@code PINNED} or {@code FAILED}
 * @param failure why it failed: a catalogue code or the installer's words; null otherwise
 * @param clientId the new Jump Client once pinned
 * @param clientName its name once pinned
 */
public record PinView(
        UUID id,
        String state,
        boolean asked,
        String jumpGroup,
        String tag,
        String comments,
        String failure,
        UUID clientId,
        String clientName,
        Instant requestedAt) {}
