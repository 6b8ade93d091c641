package org.jumpdesk.settings.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Client settings with their allowed ranges.
 *
 * @param heartbeatSeconds how often active agents prove they are alive; at most 60 because WildFly closes
 *     a WebSocket idle for 90 s
 * @param offlineLimitDays after this long without contact a client is uninstalled and removed (default 180)
 * @param maxConcurrentJumps jumps being set up at the same moment before {@code SERVER_BUSY} (default 20)
 * @param maxFileTransferMegabytes the largest file a support session downloads or uploads (default 1024)
 */
public record ClientSettingsValues(
        @Min(1) @Max(60) int heartbeatSeconds,
        @Min(1) @Max(86_400) int statisticsSeconds,
        @Min(1) @Max(86_400) int passiveCheckInSeconds,
        @Min(1) @Max(3_650) int offlineLimitDays,
        @Min(1) int maxConcurrentJumps,
        @Min(1) @Max(600) int connectTimeoutSeconds,
        @Min(1) int reconnectsPerSecond,
        @Min(1) int maxConcurrentUpgrades,
        @Min(1) int sessionIdleTimeoutMinutes,
        @Min(1) @Max(1_048_576) int maxFileTransferMegabytes) {

    /** The file transfer limit in bytes. */
    public long maxFileTransferBytes() {
        return maxFileTransferMegabytes * 1024L * 1024L;
    }
}
