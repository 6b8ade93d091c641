package org.jumpdesk.jumpclients.boundary;

import java.util.List;

/**
 * One page of the Jump interface's table and how many clients match in all.
 *
 * @param matches counted up to {@link JumpClientSearch#COUNT_LIMIT} + 1: more is "more than the limit"
 */
public record JumpClientRows(List<JumpClientRow> rows, long matches) {}
