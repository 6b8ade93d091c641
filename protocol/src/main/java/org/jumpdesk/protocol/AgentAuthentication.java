package org.jumpdesk.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * How an agent proves who it is: it holds an Ed25519 key pair made on its machine, registers the public
 * key, and on every connection signs the site's one-time challenge. What is signed names the purpose and
 * the client, so a signature for one connection, client or purpose is worthless for any other.
 */
public final class AgentAuthentication {

    private static final String ALGORITHM = "Ed25519";
    /**
     * A DRBG per thread rather than the platform's default: on Linux that is NativePRNG, whose every instance
     * reads under one process-wide lock, and one DRBG locks on each use too; a reconnect storm's new
     * connections queued on both (2026-11-30).
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(AgentAuthentication::drbg);

    private AgentAuthentication() {}

    /** A fresh challenge: 32 random bytes, Base64. */
    public static String newNonce() {
        byte[] nonce = new byte[32];
        RANDOM.get().nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("DRBG is required by every Java 9+ platform", e);
        }
    }

    /** What an agent signs to answer a challenge, for a purpose ("register" or a client id). */
    public static byte[] signedText(String nonce, String purpose) {
        return ("jumpdesk-agent-auth\n" + nonce + "\n" + purpose).getBytes(StandardCharsets.UTF_8);
    }

    public static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is required by every Java 15+ platform", e);
        }
    }

    /** Signs and returns the signature in Base64. */
    public static String sign(PrivateKey key, byte[] text) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(text);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the agent key", e);
        }
    }

    /** Whether the Base64 signature is valid for the text under the Base64 public key; false for garbage. */
    public static boolean verify(String publicKey, byte[] text, String signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey(publicKey));
            verifier.update(text);
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A public key as registered: X.509 SubjectPublicKeyInfo, Base64. */
    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** A private key as stored on the agent's machine: PKCS#8, Base64. */
    public static String encode(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static PublicKey publicKey(String encoded) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM)
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(encoded)));
    }

    public static PrivateKey privateKey(String encoded) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM)
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(encoded)));
    }

    /** Whether the text is a usable Ed25519 public key. */
    public static boolean isPublicKey(String encoded) {
        try {
            publicKey(encoded);
            return true;
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
