package org.jumpdesk.api;

import jakarta.ws.rs.ext.Provider;

/**
 * Everything else: refusals and invalid input wrapped by the EJB container, JSON that does not bind,
 * Jakarta REST's own failures (unknown path, wrong method), and faults of the site (500, cause logged).
 */
@Provider
public class FailureMapper extends ProblemMapper<Throwable> {}
