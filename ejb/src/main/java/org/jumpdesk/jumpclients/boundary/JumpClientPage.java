package org.jumpdesk.jumpclients.boundary;

import java.util.List;

/**
 * One page of a Jump Client search.
 *
 * @param total how many clients match the search in all
 */
public record JumpClientPage(List<JumpClientSummary> items, long total) {}
