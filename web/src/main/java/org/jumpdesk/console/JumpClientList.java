package org.jumpdesk.console;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.jumpdesk.agents.AgentPresence;
import org.jumpdesk.jumpclients.boundary.JumpClientSummary;
import org.jumpdesk.jumpclients.boundary.JumpClients;
import org.jumpdesk.security.CurrentUser;

/** The list of Jump Clients on the console's first page. */
@Named
@RequestScoped
public class JumpClientList {

    static final int PAGE_SIZE = 200;

    @EJB
    private JumpClients jumpClients;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private AgentPresence presence;

    private List<JumpClientSummary> clients = List.of();
    private long total;

    /** Loads the page; called once per request by {@code f:viewAction}. */
    public void load() {
        clients = jumpClients.list(currentUser.actor(), 0, PAGE_SIZE);
        total = jumpClients.count(currentUser.actor());
    }

    public List<JumpClientSummary> getClients() {
        return clients;
    }

    /** Whether the client's agent is connected (to this node; cluster-wide presence comes later). */
    public boolean online(JumpClientSummary client) {
        return presence.online(client.id());
    }

    /** Whether the machine's user has disabled sessions (known while the agent is connected). */
    public boolean disabled(JumpClientSummary client) {
        return presence.disabled(client.id());
    }

    public long getTotal() {
        return total;
    }
}
