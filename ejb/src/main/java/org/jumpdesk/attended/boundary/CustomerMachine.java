package org.jumpdesk.attended.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the customer's temporary client says of its machine when it presents a session key. */
public record CustomerMachine(
        @NotBlank @Size(max = 255) String hostname,
        @NotBlank @Size(max = 255) String operatingSystem,
        @NotBlank @Size(max = 255) String user) {}
