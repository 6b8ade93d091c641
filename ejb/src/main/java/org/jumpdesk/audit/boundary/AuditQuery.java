package org.jumpdesk.audit.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Which audit events to read: every given part applies, newest first, one page at a time. Pages are found
 * by key (the id of the last row seen), not by offset, so the thousandth page of millions of rows costs no
 * more than the first.
 *
 * @param from occurred at or after, or null
 * @param to occurred before, or null
 * @param actor exact actor (a username, {@code agent:<id>}, …), or null
 * @param target exact target (a Jump Client id, a group name, …), or null
 * @param action exact action, e.g. {@code jump-client.delete}, or null
 * @param outcome {@code SUCCESS} or a refusal's code, or null
 * @param before only rows with an id below this (the previous page's {@code next}), or null for the first page
 * @param limit rows per page, 1 to 1,000
 */
public record AuditQuery(
        Instant from,
        Instant to,
        @Size(max = 128) String actor,
        @Size(max = 128) String target,
        @Size(max = 64) String action,
        @Size(max = 64) String outcome,
        @Positive Long before,
        @Min(1) @Max(1000) int limit) {}
