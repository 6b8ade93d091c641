package org.jumpdesk.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jumpdesk.dashboard.boundary.Dashboard;
import org.jumpdesk.dashboard.boundary.DashboardCharts;

/**
 * {@code admin/index.xhtml}, the portal's start page: connected clients and Jump Client states over the last
 * 24 hours, support sessions per day over two weeks. Each chart is a Chart.js configuration for
 * PrimeFaces' {@code p:chart} (Chart.js ships inside PrimeFaces: no CDN).
 */
@Named
@RequestScoped
public class DashboardView {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @EJB
    private Dashboard dashboard;

    @Inject
    private AdminActions actions;

    private DashboardCharts charts = new DashboardCharts(List.of(), List.of(), List.of());

    @PostConstruct
    void load() {
        actions.run(() -> charts = dashboard.charts(actions.actor()), null);
    }

    public DashboardCharts getCharts() {
        return charts;
    }

    public String getConnectedChart() {
        return chart(
                "line",
                labels(charts.connected(), c -> TIME.format(c.at())),
                dataset(
                        actions.text("admin.dashboard.connected"),
                        charts.connected(),
                        DashboardCharts.Connected::clients));
    }

    public String getSessionsChart() {
        return chart(
                "bar",
                labels(charts.sessionsPerDay(), d -> d.day().toString()),
                dataset(
                        actions.text("admin.dashboard.sessions"),
                        charts.sessionsPerDay(),
                        DashboardCharts.SessionDay::sessions));
    }

    public String getStatesChart() {
        List<DashboardCharts.States> states = charts.states();
        return chart(
                "line",
                labels(states, s -> TIME.format(s.at())),
                dataset(actions.text("admin.dashboard.state.ACTIVE"), states, DashboardCharts.States::active),
                dataset(actions.text("admin.dashboard.state.PASSIVE"), states, DashboardCharts.States::passive),
                dataset(actions.text("admin.dashboard.state.PINNED"), states, DashboardCharts.States::pinned),
                dataset(
                        actions.text("admin.dashboard.state.UNINSTALLED"),
                        states,
                        DashboardCharts.States::uninstalled));
    }

    /** The time of the newest sample, or null before the first. */
    public Instant getLastSample() {
        return charts.connected().isEmpty()
                ? null
                : charts.connected().get(charts.connected().size() - 1).at();
    }

    private static String chart(String type, JsonArrayBuilder labels, JsonObjectBuilder... datasets) {
        JsonArrayBuilder sets = Json.createArrayBuilder();
        for (JsonObjectBuilder dataset : datasets) {
            sets.add(dataset);
        }
        return Json.createObjectBuilder()
                .add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", sets))
                .add(
                        "options",
                        Json.createObjectBuilder()
                                .add("animation", false)
                                .add("maintainAspectRatio", false)
                                .add(
                                        "scales",
                                        Json.createObjectBuilder()
                                                .add(
                                                        "y",
                                                        Json.createObjectBuilder()
                                                                .add("beginAtZero", true))))
                .build()
                .toString();
    }

    private static <T> JsonArrayBuilder labels(List<T> points, Function<T, String> label) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        points.forEach(p -> labels.add(label.apply(p)));
        return labels;
    }

    private static <T> JsonObjectBuilder dataset(String name, List<T> points, ToLongFunction<T> value) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        points.forEach(p -> data.add(value.applyAsLong(p)));
        return Json.createObjectBuilder().add("label", name).add("data", data);
    }
}
