package org.jumpdesk.dashboard.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the dashboard draws.
 *
 * @param connected agents connected to the site (all nodes together) per sample
 * @param sessionsPerDay support sessions requested per day (UTC), days without any included
 * @param states Jump Clients per state per sample
 */
public record DashboardCharts(List<Connected> connected, List<SessionDay> sessionsPerDay, List<States> states) {

    /** Agents connected at a sample time. */
    public record Connected(Instant at, long clients) {}

    /** Sessions requested on one day. */
    public record SessionDay(LocalDate day, long sessions) {}

    /** Jump Clients per state at a sample time. */
    public record States(Instant at, long pinned, long active, long passive, long uninstalled) {}
}
