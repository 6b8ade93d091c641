package org.jumpdesk.shared;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.stream.Collectors;

/** Turns Bean Validation failures into one refusal that names each field and what it expects. */
public final class InputViolations {

    private InputViolations() {}

    /**
     * The refusal for the violations, e.g. {@code INVALID_INPUT: tag: size must be between 0 and 64}.
     * The field is the last node of the property path (method and argument names left out).
     */
    public static JumpDeskException refusal(ConstraintViolationException violations) {
        return JumpDeskStatus.INVALID_INPUT.exception(violations.getConstraintViolations().stream()
                .map(InputViolations::describe)
                .sorted()
                .collect(Collectors.joining("; ")));
    }

    /** Finds a validation failure in an exception's causes (the EJB container wraps it). */
    public static ConstraintViolationException find(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violations) {
                return violations;
            }
        }
        return null;
    }

    /** The field a violation is about: the last node of its property path. */
    public static String field(ConstraintViolation<?> violation) {
        String field = null;
        for (var node : violation.getPropertyPath()) {
            field = node.getName();
        }
        return field;
    }

    private static String describe(ConstraintViolation<?> violation) {
        return field(violation) + ": " + violation.getMessage();
    }
}
