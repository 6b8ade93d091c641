package org.jumpdesk.apitokens.boundary;

/**
 * A new API token with its secret, which the site does not keep and cannot show again.
 *
 * @param secret the bearer token: {@code Authorization: Bearer <secret>}
 */
public record CreatedApiToken(ApiTokenView token, String secret) {

    /** Hides the secret from logs. */
    @Override
    public String toString() {
        return "CreatedApiToken[" + token + "]";
    }
}
