package org.jumpdesk.jumpclients.entity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an agent says about the machine it runs on.
 *
 * @param hostname the machine's host name
 * @param operatingSystem operating system name and version
 * @param agentVersion version of the Jump Client software
 */
public record AgentDescription(
        @NotBlank @Size(max = 255) String hostname,
        @NotNull @Size(max = 255) String operatingSystem,
        @NotBlank @Size(max = 64) String agentVersion) {}
