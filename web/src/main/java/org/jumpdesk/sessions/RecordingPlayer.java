package org.jumpdesk.sessions;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;
import java.util.UUID;
import org.jumpdesk.security.CurrentUser;
import org.jumpdesk.sessions.boundary.FileTransfer;
import org.jumpdesk.sessions.boundary.RecordedEvent;
import org.jumpdesk.sessions.boundary.SessionFileTransfers;
import org.jumpdesk.sessions.boundary.SupportSessions;

/** The recording of one session, as asciicast v2 events for the player on {@code console/recording.xhtml}. */
@Named
@RequestScoped
public class RecordingPlayer {

    @EJB
    private SupportSessions supportSessions;

    @EJB
    private SessionFileTransfers fileTransfers;

    @Inject
    private CurrentUser currentUser;

    private String session;
    private List<RecordedEvent> events;
    private List<FileTransfer> transfers;

    public String getSession() {
        return session;
    }

    /** Set from the {@code session} request parameter; anything but a UUID finds nothing. */
    public void setSession(String session) {
        this.session = session;
    }

    /** The events as a JSON array of {@code [seconds, kind, text]}, safe inside a script element. */
    public String getEventsJson() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (RecordedEvent event : events()) {
            array.add(Json.createArrayBuilder()
                    .add(event.atSeconds())
                    .add(event.kind())
                    .add(event.data()));
        }
        return array.build().toString().replace("</", "<\\/");
    }

    public boolean isFound() {
        return !events().isEmpty();
    }

    /** The files moved in the session, for its representative. */
    public List<FileTransfer> getTransfers() {
        if (transfers == null) {
            transfers =
                    parse(session) == null ? List.of() : fileTransfers.transfers(currentUser.actor(), parse(session));
        }
        return transfers;
    }

    private List<RecordedEvent> events() {
        if (events == null) {
            events =
                    parse(session) == null ? List.of() : supportSessions.recording(currentUser.actor(), parse(session));
        }
        return events;
    }

    private static UUID parse(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
