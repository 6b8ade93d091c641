package org.jumpdesk.pinning.boundary;

/** A Jump Group the representative may pin into. */
public record PinGroup(long id, String name) {}
