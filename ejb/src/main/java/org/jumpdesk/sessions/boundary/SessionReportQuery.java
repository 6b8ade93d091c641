package org.jumpdesk.sessions.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Which support sessions to list: every given part applies, newest first.
 *
 * @param from requested at or after, or null
 * @param to requested before, or null
 * @param representative exact username, or null
 * @param client a Jump Client id, or part of its name or hostname, or null
 * @param outcome exact outcome ({@code ENDED_BY_REPRESENTATIVE}, a catalogue code, …), or null
 * @param offset rows to skip
 * @param limit rows per page, 1 to 1,000
 */
public record SessionReportQuery(
        Instant from,
        Instant to,
        @Size(max = 100) String representative,
        @Size(max = 255) String client,
        @Size(max = 40) String outcome,
        @Min(0) int offset,
        @Min(1) @Max(1000) int limit) {}
