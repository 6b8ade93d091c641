package org.jumpdesk.audit.boundary;

import java.time.Instant;

/** One audit event as the viewer and the API show it. */
public record AuditEventView(
        long id, Instant occurredAt, String actor, String action, String target, String outcome, String detail) {}
