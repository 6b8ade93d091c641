package org.jumpdesk.jumpclients.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jumpdesk.jumpclients.entity.JumpClientMode;

/**
 * The properties a representative edits: Jump Group, tag, comments, active or passive.
 *
 * @param tag empty or null puts the client back at the top level of its group
 */
public record JumpClientProperties(
        @NotBlank @Size(max = 80) String jumpGroup,
        @Size(max = 64) String tag,
        @Size(max = 1024) String comments,
        @NotNull JumpClientMode mode) {}
