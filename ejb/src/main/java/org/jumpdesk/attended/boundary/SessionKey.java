package org.jumpdesk.attended.boundary;

import java.time.Instant;

/**
 * A session key as its representative sees it once: the code to read to the customer, and until when it
 * can be used.
 */
public record SessionKey(String code, Instant expiresAt) {

    @Override
    public String toString() {
        return "SessionKey[expiresAt=" + expiresAt + "]";
    }
}
