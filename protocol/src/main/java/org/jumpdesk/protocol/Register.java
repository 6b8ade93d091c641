package org.jumpdesk.protocol;

import java.util.Objects;

/**
 * First message of a machine that has no Jump Client identity yet: register with an installer key.
 *
 * @param installerKey the key the installer carries
 * @param publicKey the agent's Ed25519 public key (X.509, Base64), which authenticates it from now on
 * @param signature the challenge signed with the matching private key, for purpose {@code register}
 * @param jumpGroup install-time override of the installer's Jump Group, or null
 * @param tag install-time override of the tag, or null
 * @param comments install-time override of the comments, or null
 */
public record Register(
        String installerKey,
        String publicKey,
        String signature,
        String hostname,
        String operatingSystem,
        String agentVersion,
        String jumpGroup,
        String tag,
        String comments)
        implements Message {

    public Register {
        Objects.requireNonNull(installerKey, "installerKey");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(operatingSystem, "operatingSystem");
        Objects.requireNonNull(agentVersion, "agentVersion");
    }

    @Override
    public MessageType type() {
        return MessageType.REGISTER;
    }

    /** Keeps the installer key out of logs. */
    @Override
    public String toString() {
        return "Register[" + hostname + ", " + operatingSystem + ", " + agentVersion + "]";
    }
}
