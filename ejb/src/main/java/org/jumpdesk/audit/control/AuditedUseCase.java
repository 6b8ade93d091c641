package org.jumpdesk.audit.control;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.AuditedAs;
import org.jumpdesk.shared.JumpDeskException;

/**
 * Records every refused use case in the audit trail, in a transaction of its own: the refusal rolls back
 * the use case's transaction, and the record of the attempt must survive that. The actor is the use
 * case's {@link Actor} argument, the target its first {@link UUID} argument.
 *
 * <p>The record is written asynchronously, on another thread: the refused transaction holds a pooled
 * connection (and perhaps row locks), and waiting for another from its own thread could deadlock when
 * the pool is exhausted. The other thread waits, if need be, until the refused transaction has rolled back.
 */
@AuditedAs
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditedUseCase {

    @Inject
    private AuditTrail auditTrail;

    @Inject
    private Clock clock;

    @AroundInvoke
    public Object recordRefusals(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (JumpDeskException refusal) {
            if (!refusal.markAudited()) {
                // The inner use case that refused has already recorded it.
                throw refusal;
            }
            Object[] arguments = invocation.getParameters();
            String actor = Arrays.stream(arguments)
                    .filter(Actor.class::isInstance)
                    .map(a -> ((Actor) a).name())
                    .findFirst()
                    .orElse(Actor.SYSTEM.name());
            String target = Arrays.stream(arguments)
                    .filter(UUID.class::isInstance)
                    .map(Object::toString)
                    .findFirst()
                    .orElse(null);
            AuditedAs action = invocation.getMethod().getAnnotation(AuditedAs.class);
            String actionName = action == null ? invocation.getMethod().getName() : action.value();
            auditTrail.recordRefusal(
                    clock.instant(), actor, actionName, target, refusal.status().name(), refusal.getMessage());
            throw refusal;
        }
    }
}
