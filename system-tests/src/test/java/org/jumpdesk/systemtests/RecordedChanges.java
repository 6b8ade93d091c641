package org.jumpdesk.systemtests;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jumpdesk.jumpclients.boundary.JumpClientChanged;

/** Records the Jump Client changes that post-commit observers see, as the console and endpoint will. */
@ApplicationScoped
public class RecordedChanges {

    private final List<JumpClientChanged> committed = new CopyOnWriteArrayList<>();

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) JumpClientChanged change) {
        committed.add(change);
    }

    public List<String> of(UUID clientId) {
        return committed.stream()
                .filter(c -> c.clientId().equals(clientId))
                .map(JumpClientChanged::change)
                .toList();
    }
}
