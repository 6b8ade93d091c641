package org.jumpdesk.bench;

import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.jumpdesk.jumpclients.control.AgentSignatures;

/**
 * A simulated agent's Ed25519 key, signing with Bouncy Castle's RFC 8032 code and the public key kept beside
 * the private one. The signatures are byte for byte those of the JDK provider the real agent uses (Ed25519
 * is deterministic), at a fraction of the CPU: the 19,000 simulated machines share the site's two cores, and
 * with the JDK's signing they took 29 % of them through a reconnect storm (2026-11-30), which 19,000 real
 * machines would not take from the site.
 */
final class SimulatedAgentKey {

    private final byte[] privateKey = new byte[Ed25519.SECRET_KEY_SIZE];
    private final byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];

    SimulatedAgentKey(SecureRandom random) {
        Ed25519.generatePrivateKey(random, privateKey);
        Ed25519.generatePublicKey(privateKey, 0, publicKey, 0);
    }

    /** The public key as agents register it: X.509 SubjectPublicKeyInfo, Base64. */
    String encodedPublicKey() {
        return AgentSignatures.encodedPublicKey(publicKey);
    }

    /** The Base64 signature of the text, as {@link org.jumpdesk.protocol.AgentAuthentication#sign} gives it. */
    String sign(byte[] text) {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(privateKey, 0, publicKey, 0, text, 0, text.length, signature, 0);
        return Base64.getEncoder().encodeToString(signature);
    }
}
