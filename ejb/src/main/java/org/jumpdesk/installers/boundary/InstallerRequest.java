package org.jumpdesk.installers.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jumpdesk.jumpclients.entity.InstallMode;
import org.jumpdesk.jumpclients.entity.JumpClientMode;

/**
 * What the installer wizard asks for.
 *
 * @param jumpGroup a shared group's name or {@code user:<username>}
 * @param validForMinutes from 10 minutes to one year
 */
public record InstallerRequest(
        @NotBlank @Size(max = 80) String jumpGroup,
        @Size(max = 64) String tag,
        @Size(max = 1024) String comments,
        @NotNull JumpClientMode mode,
        @NotNull InstallMode installMode,
        @Min(10) @Max(525_600) int validForMinutes,
        boolean allowJumpGroupOverride,
        boolean allowTagOverride,
        boolean allowCommentsOverride) {}
