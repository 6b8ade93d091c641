package org.jumpdesk.pinning.boundary;

/** The session policy for pinning: whether the customer is asked to allow the installation. */
public enum PinPrompt {
    ALWAYS,
    NEVER
}
