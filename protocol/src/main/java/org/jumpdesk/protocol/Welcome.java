package org.jumpdesk.protocol;

import java.util.Objects;
import java.util.UUID;

/**
 * The site's answer to {@link Hello}: the agent is known and should send heartbeats at the given interval.
 *
 * @param clientId the identifier the site recorded
 * @param heartbeatSeconds how often the agent must send a {@link Heartbeat}
 * @param statisticsSeconds how often the agent reports {@link Statistics}
 * @param mode {@code ACTIVE}: stay connected; {@code PASSIVE}: report, disconnect, check in again later
 * @param checkInSeconds for a passive client, when to check in next
 * @param offlineLimitDays after this long without reaching the site the agent uninstalls itself
 * @param siteKey the site's Ed25519 public key (X.509, Base64) that signs agent releases
 */
public record Welcome(
        UUID clientId,
        int heartbeatSeconds,
        int statisticsSeconds,
        String mode,
        int checkInSeconds,
        int offlineLimitDays,
        String siteKey)
        implements Message {

    public static final String ACTIVE = "ACTIVE";
    public static final String PASSIVE = "PASSIVE";

    public Welcome {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(siteKey, "siteKey");
        if (heartbeatSeconds < 1) {
            throw new IllegalArgumentException("heartbeatSeconds must be at least 1, was " + heartbeatSeconds);
        }
        if (!ACTIVE.equals(mode) && !PASSIVE.equals(mode)) {
            throw new IllegalArgumentException("mode must be ACTIVE or PASSIVE, was " + mode);
        }
        if (checkInSeconds < 1) {
            throw new IllegalArgumentException("checkInSeconds must be at least 1, was " + checkInSeconds);
        }
        if (offlineLimitDays < 1) {
            throw new IllegalArgumentException("offlineLimitDays must be at least 1, was " + offlineLimitDays);
        }
        if (statisticsSeconds < 1) {
            throw new IllegalArgumentException("statisticsSeconds must be at least 1, was " + statisticsSeconds);
        }
    }

    public boolean passive() {
        return PASSIVE.equals(mode);
    }

    @Override
    public MessageType type() {
        return MessageType.WELCOME;
    }
}
