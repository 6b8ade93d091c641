package org.jumpdesk.api;

import jakarta.validation.ValidationException;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean Validation failures of the boundaries' parameters: {@code INVALID_INPUT} naming each field. Needed
 * besides {@link FailureMapper} because RESTEasy's own mapper for this type (plain text) would win.
 */
@Provider
public class InvalidInputMapper extends ProblemMapper<ValidationException> {}
