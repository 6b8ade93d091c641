package org.jumpdesk.sessions.boundary;

import java.time.Instant;

/**
 * A file moved in a support session, as its record shows it.
 *
 * @param direction {@code DOWNLOAD} (from the remote machine) or {@code UPLOAD} (to it)
 * @param outcome {@code OK} or the file status that stopped it
 */
public record FileTransfer(Instant at, String direction, String path, long bytes, String outcome) {}
