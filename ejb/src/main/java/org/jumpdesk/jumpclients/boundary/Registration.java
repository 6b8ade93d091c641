package org.jumpdesk.jumpclients.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jumpdesk.jumpclients.entity.AgentDescription;

/**
 * A machine registering with an installer key. Group, tag and comments, when given, override the
 * installer's, which only installers that allow it accept.
 *
 * @param publicKey the agent's Ed25519 public key (X.509, Base64)
 * @param jumpGroup {@code --jc-jump-group}: a shared group's name or {@code user:<username>}, or null
 * @param tag {@code --jc-tag}, or null
 * @param comments {@code --jc-comments}, or null
 */
public record Registration(
        @NotNull @Valid AgentDescription agent,
        @NotNull @Size(max = 200) String publicKey,
        @Size(max = 80) String jumpGroup,
        @Size(max = 64) String tag,
        @Size(max = 1024) String comments) {}
