package org.jumpdesk.sessions.boundary;

/**
 * One event of a terminal recording, as asciicast v2 has it.
 *
 * @param atSeconds seconds since the session started
 * @param kind {@code o} output, {@code i} input, {@code r} resize ("COLSxROWS")
 */
public record RecordedEvent(double atSeconds, String kind, String data) {}
