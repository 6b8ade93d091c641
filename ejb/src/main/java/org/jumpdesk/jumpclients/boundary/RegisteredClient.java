package org.jumpdesk.jumpclients.boundary;

import java.util.UUID;
import org.jumpdesk.jumpclients.entity.JumpClientMode;

/** The answer to a registration: the new client's identity and the mode it must run in. */
public record RegisteredClient(UUID clientId, JumpClientMode mode) {}
