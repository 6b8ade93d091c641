package org.jumpdesk.audit.boundary;

import java.util.List;

/**
 * One page of audit events, newest first.
 *
 * @param next the {@code before} of the following page, or null when this is the last
 */
public record AuditPage(List<AuditEventView> events, Long next) {}
