package org.jumpdesk.agents;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Closing a WebSocket the way every endpoint of the site does: a code, a reason that fits, no fuss if gone. */
public final class Sockets {

    private static final Logger LOG = Logger.getLogger(Sockets.class.getName());

    private Sockets() {}

    public static void close(Session session, CloseCodes code, String reason) {
        close(session, code.getCode(), reason);
    }

    /** Closes with the code and the reason cut to what a close frame holds; a closed socket stays closed. */
    public static void close(Session session, int code, String reason) {
        if (session == null || !session.isOpen()) {
            return;
        }
        try {
            session.close(new CloseReason(CloseCodes.getCloseCode(code), truncate(reason)));
        } catch (IOException e) {
            LOG.log(Level.FINE, "socket already gone", e);
        }
    }

    /** A close reason may hold at most 123 bytes of UTF-8. */
    static String truncate(String reason) {
        String shortened = reason == null ? "" : reason;
        while (shortened.getBytes(StandardCharsets.UTF_8).length > 123) {
            shortened = shortened.substring(0, shortened.length() - 1);
        }
        return shortened;
    }
}
