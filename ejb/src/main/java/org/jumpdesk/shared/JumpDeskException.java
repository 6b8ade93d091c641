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

    public JumpDeskException(JumpDeskStatus status, String detail) {
        super(status.name() + ": " + detail);
        this.status = status;
    }

    public JumpDeskStatus status() {
        return status;
    }
}
