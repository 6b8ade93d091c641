package org.jumpdesk.protocol;

import java.util.Objects;

/**
 * The site runs another agent version and offers it: the agent downloads {@code path} from the site it is
 * connected to, checks the SHA-256 and the site's signature over both, swaps its jar and restarts.
 *
 * @param version the version the site runs
 * @param sha256 lower-case hex SHA-256 of the jar
 * @param signature Base64 Ed25519 signature of {@link ReleaseSignature#signedText} by the site's key
 * @param path where on the site the jar is served, e.g. {@code /agent-software/jump-client.jar}
 */
public record UpdateAvailable(String version, String sha256, String signature, String path) implements Message {

    public UpdateAvailable {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(signature, "signature");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /");
        }
    }

    @Override
    public MessageType type() {
        return MessageType.UPDATE_AVAILABLE;
    }
}
