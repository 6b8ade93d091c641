package org.jumpdesk.jumpclients.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.jumpdesk.jumpclients.entity.AgentDescription;

/**
 * An agent's hello on a connection of this node, as {@link AgentConnections#connectReturning} takes it.
 *
 * @param connectionId the connection, as its presence row names it
 */
public record ConnectingAgent(
        @NotNull UUID connectionId,
        @NotNull UUID clientId,
        @NotNull @Valid AgentProof proof,
        @NotNull @Valid AgentDescription description) {}
