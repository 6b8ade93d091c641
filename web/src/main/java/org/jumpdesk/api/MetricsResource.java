package org.jumpdesk.api;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jumpdesk.agents.AgentPresence;
import org.jumpdesk.licensing.boundary.LicenseUsage;
import org.jumpdesk.licensing.boundary.Licensing;

/**
 * Operators' metrics in the Prometheus text format: this node's agent connections and traffic, and the
 * site's license usage. WildFly's own metrics (pools, requests, threads) are on the management port.
 */
@Path("metrics")
@Tag(name = "Operations")
public class MetricsResource {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    private AgentPresence presence;

    @EJB
    private Licensing licensing;

    @GET
    @Produces(PROMETHEUS_TEXT)
    @Operation(summary = "Metrics in the Prometheus text format")
    public String metrics() {
        LicenseUsage license = licensing.usage();
        StringBuilder text = new StringBuilder();
        metric(
                text,
                "jumpdesk_agents_connected",
                "gauge",
                "Agents connected to this node now.",
                presence.connectedCount());
        metric(
                text,
                "jumpdesk_agent_messages_received_total",
                "counter",
                "Messages (heartbeats, statistics, availability) agents sent to this node; rate() is the heartbeat rate.",
                presence.messagesHeard());
        metric(
                text,
                "jumpdesk_jump_clients_deployed",
                "gauge",
                "Jump Clients counted against the deployed limit.",
                license.deployedCount());
        metric(
                text,
                "jumpdesk_jump_clients_deployed_limit",
                "gauge",
                "The license's deployed limit.",
                license.deployedLimit());
        metric(
                text,
                "jumpdesk_jump_clients_active",
                "gauge",
                "Jump Clients counted against the active limit.",
                license.activeCount());
        metric(
                text,
                "jumpdesk_jump_clients_active_limit",
                "gauge",
                "The license's active limit.",
                license.activeLimit());
        return text.toString();
    }

    private static void metric(StringBuilder text, String name, String type, String help, long value) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        text.append(name).append(' ').append(value).append('\n');
    }
}
