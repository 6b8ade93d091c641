package org.jumpdesk.jumpclients.boundary;

import jakarta.validation.constraints.NotNull;
import org.jumpdesk.jumpclients.control.AgentSignatures;
import org.jumpdesk.protocol.AgentAuthentication;

/**
 * An agent's answer to the one-time challenge of its connection.
 *
 * @param nonce the challenge the site sent on this connection
 * @param signature the agent's Ed25519 signature of {@link AgentAuthentication#signedText}
 */
public record AgentProof(@NotNull String nonce, @NotNull String signature) {

    /** Whether the signature, for this purpose, verifies under the public key. */
    boolean verifies(String publicKey, String purpose) {
        return publicKey != null
                && AgentSignatures.verify(publicKey, AgentAuthentication.signedText(nonce, purpose), signature);
    }

    /** Hides the signature from logs. */
    @Override
    public String toString() {
        return "AgentProof";
    }
}
