package org.jumpdesk.shared;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the audit action of a use case. Successes are written by the use case in its own transaction;
 * refusals ({@link JumpDeskException}) are written under the same action by {@code AuditedUseCase} in a
 * new transaction, so the rollback does not erase them.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AuditedAs {

    /** The action, e.g. {@code jump-client.delete}. */
    @Nonbinding
    String value() default "";
}
