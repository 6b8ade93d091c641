package org.jumpdesk.protocol;

/**
 * A text frame that is not a valid protocol message: not JSON, no known {@code type}, or a missing or
 * ill-typed member. The message says which member and what was expected.
 */
public class MalformedMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
