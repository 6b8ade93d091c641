package org.jumpdesk.agents;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jumpdesk.jumpclients.entity.MachineStatistics;

/**
 * The statistics reports this node's agents sent since the last write, the newest per client, which
 * {@link AgentHousekeeping} writes in one statement every two seconds instead of a transaction per report
 * (every agent reports at once when it connects: thousands together after a restart). At most one per
 * connected agent; a report lost with a crashed node is sent again when its agent reconnects.
 */
@ApplicationScoped
public class StatisticsReports {

    private final Map<UUID, MachineStatistics> pending = new ConcurrentHashMap<>();

    void add(UUID clientId, MachineStatistics statistics) {
        pending.put(clientId, statistics);
    }

    /** The reports not yet taken, each taken once. */
    Map<UUID, MachineStatistics> take() {
        Map<UUID, MachineStatistics> taken = new HashMap<>();
        for (UUID clientId : pending.keySet()) {
            MachineStatistics statistics = pending.remove(clientId);
            if (statistics != null) {
                taken.put(clientId, statistics);
            }
        }
        return taken;
    }
}
