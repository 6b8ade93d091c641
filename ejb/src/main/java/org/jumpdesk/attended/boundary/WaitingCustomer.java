package org.jumpdesk.attended.boundary;

import java.time.Instant;
import java.util.UUID;

/** A row of the representative's queue. */
public record WaitingCustomer(
        UUID id, String hostname, String operatingSystem, String user, String state, Instant arrivedAt) {}
