package org.jumpdesk.attended.boundary;

import java.util.UUID;

/** A customer admitted to a representative's queue. */
public record ArrivedCustomer(UUID customerId, String representative) {}
