package org.jumpdesk.sessions.boundary;

import java.util.List;
import org.jumpdesk.audit.boundary.AuditEventView;

/**
 * A session with its audit rows (oldest first) and whether it has a recording to replay.
 *
 * @param recordingPath the console page that replays it, or null when nothing was recorded
 */
public record SessionDetail(SessionReport session, List<AuditEventView> audit, String recordingPath) {}
