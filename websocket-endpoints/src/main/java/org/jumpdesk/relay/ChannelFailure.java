package org.jumpdesk.relay;

import java.io.IOException;

/** A session channel that could not be used: the session is not relayed here, or the agent stopped answering. */
public final class ChannelFailure extends IOException {

    private static final long serialVersionUID = 1L;

    /** Why, as the representative's page names it. */
    public enum Reason {
        /** The session ended, or it is relayed by another node. */
        SESSION_NOT_RUNNING,
        /** The agent did not dial, answer or acknowledge in time, or its connection broke. */
        NO_ANSWER
    }

    private final Reason reason;

    ChannelFailure(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
