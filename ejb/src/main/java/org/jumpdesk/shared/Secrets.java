package org.jumpdesk.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** How secrets handed out once (installer keys, API tokens) are stored: as their SHA-256 only. */
public final class Secrets {

    private Secrets() {}

    /** The SHA-256 of the secret's UTF-8 bytes, 64 lower-case hex digits. */
    public static String sha256Hex(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java SE platform", e);
        }
    }
}
