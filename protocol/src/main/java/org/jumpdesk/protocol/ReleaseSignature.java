package org.jumpdesk.protocol;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;

/**
 * How the site vouches for an agent release: its Ed25519 key signs the version and the jar's SHA-256. An
 * agent learns the site's public key in its first {@link Welcome} (over the pinned TLS connection) and
 * keeps it, so a jar that a mirror, a proxy or a later impostor hands out is refused.
 */
public final class ReleaseSignature {

    private ReleaseSignature() {}

    public static byte[] signedText(String version, String sha256) {
        return ("jumpdesk-agent-release\n" + version + "\n" + sha256).getBytes(StandardCharsets.UTF_8);
    }

    public static String sign(PrivateKey siteKey, String version, String sha256) {
        return AgentAuthentication.sign(siteKey, signedText(version, sha256));
    }

    public static boolean verify(String sitePublicKey, UpdateAvailable update) {
        return AgentAuthentication.verify(
                sitePublicKey, signedText(update.version(), update.sha256()), update.signature());
    }
}
