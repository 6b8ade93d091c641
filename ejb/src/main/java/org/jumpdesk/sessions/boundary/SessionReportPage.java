package org.jumpdesk.sessions.boundary;

import java.util.List;

/**
 * One page of session reports.
 *
 * @param total how many sessions match in all
 */
public record SessionReportPage(List<SessionReport> items, long total) {}
