package org.jumpdesk.api;

import jakarta.ws.rs.ext.Provider;
import org.jumpdesk.shared.JumpDeskException;

/** A use case's refusal: its catalogue code and HTTP status. */
@Provider
public class RefusalMapper extends ProblemMapper<JumpDeskException> {}
