package org.jumpdesk.shared;

import jakarta.ejb.ApplicationException;

/**
 * A business refusal carrying its catalogue status. Rolls back the transaction it is thrown in; the
 * boundaries' {@code AuditedUseCase} interceptor records the refusal in a transaction of its own.
 */
@ApplicationException(rollback = true)
public class JumpDeskException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final JumpDeskStatus status;

    /** Set once the refusal has its audit row, so a use case calling another records it only once. */
    private transient boolean audited;

    public JumpDeskException(JumpDeskStatus status, String detail) {
        super(status.name() + ": " + detail);
        this.status = status;
    }

    public JumpDeskStatus status() {
        return status;
    }

    /**
     * Marks the refusal as recorded in the audit trail.
     *
     * @return whether it was not recorded before (the caller should record it now)
     */
    public boolean markAudited() {
        boolean first = !audited;
        audited = true;
        return first;
    }
}
