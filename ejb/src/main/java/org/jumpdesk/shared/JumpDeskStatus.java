package org.jumpdesk.shared;

/**
 * Every refusal the site can give, in one place: the catalogue code of SPEC §7 (its name), the HTTP
 * status an API answers with, the WebSocket close code an agent connection closes with, and the key of
 * the user-facing text in the resource bundles ({@code status.<CODE>}).
 *
 * <p>Close codes in 4000–4999 are this application's own (RFC 6455 private range); the last three digits
 * mirror the HTTP status.
 */
public enum JumpDeskStatus {
    JC_LIMIT_DEPLOYED(409, 4409),
    JC_LIMIT_ACTIVE(409, 4409),
    PIN_PENDING(409, 4409),
    PIN_ALREADY_PINNED(409, 4409),
    PIN_NO_CLIENT(404, 4404),
    PIN_CLIENT_OFFLINE(409, 4409),
    JC_NOT_FOUND(404, 4404),
    JC_OFFLINE(409, 4409),
    JC_UNINSTALLED(410, 4410),
    JC_ACTIVE_LIMIT_ON_SWITCH(409, 4409),
    SERVER_BUSY(503, 1013),
    SESSION_INTERNAL_ERROR(500, 1011),
    SESSION_TIMEOUT_INTERNAL(504, 1011),
    ACTIVE_NOT_CONNECTED(409, 4409),
    CONNECT_TIMEOUT(504, 4504),
    DISABLED_BY_USER(409, 4409),
    VERSION_MISMATCH(409, 4409),
    /** The acting user lacks the Jump Group role (or administrator right) the action needs. */
    PERMISSION_DENIED(403, 4403),
    /** An agent's signature of the connection's challenge does not verify under its registered key. */
    AGENT_AUTHENTICATION_FAILED(401, 1008),
    /** The installer key is unknown, expired or revoked. */
    INSTALLER_INVALID(403, 4403),
    /** An install-time value differs from the installer's and the installer does not allow overriding it. */
    OVERRIDE_NOT_ALLOWED(400, 1008),
    /** Input that breaks a rule the message names (length, format, unknown reference). */
    INVALID_INPUT(400, 1008),
    /** An API request without a bearer token, or with one that is unknown or revoked. */
    API_TOKEN_INVALID(401, 1008),
    /** An API request that changes something, made with a token scoped to reading. */
    API_TOKEN_READ_ONLY(403, 4403),
    /** A session key that is unknown, already used or expired. */
    SESSION_KEY_INVALID(403, 4403),
    /** The attended customer left the queue, or another console already accepted them. */
    CUSTOMER_NOT_WAITING(409, 4409);

    private final int httpStatus;
    private final int closeCode;

    JumpDeskStatus(int httpStatus, int closeCode) {
        this.httpStatus = httpStatus;
        this.closeCode = closeCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int closeCode() {
        return closeCode;
    }

    /** Key of the user-facing text in the resource bundles. */
    public String bundleKey() {
        return "status." + name();
    }

    /** A refusal with this status; the detail is for logs and the audit trail, not for the user. */
    public JumpDeskException exception(String detail) {
        return new JumpDeskException(this, detail);
    }
}
