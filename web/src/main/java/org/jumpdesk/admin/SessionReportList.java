package org.jumpdesk.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.jumpdesk.sessions.boundary.SessionReport;
import org.jumpdesk.sessions.boundary.SessionReportPage;
import org.jumpdesk.sessions.boundary.SessionReportQuery;
import org.jumpdesk.sessions.boundary.SessionReports;

/**
 * {@code admin/sessions.xhtml}: support sessions filtered by time, representative, client and outcome,
 * newest first, 50 a page ({@code page} parameter, from 0). The filter is GET parameters, so pages are links.
 */
@Named
@RequestScoped
public class SessionReportList {

    static final int PAGE_SIZE = 50;

    private static final String[] NAMES = {"from", "to", "representative", "client", "outcome"};

    @EJB
    private SessionReports sessionReports;

    @Inject
    private AdminActions actions;

    private Map<String, String> filter;
    private int page;
    private SessionReportPage result = new SessionReportPage(List.of(), 0);

    @PostConstruct
    void load() {
        HttpServletRequest request = (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
        filter = FilterParameters.read(request, NAMES);
        page = pageNumber(request.getParameter("page"));
        actions.run(
                () -> result = sessionReports.search(
                        actions.actor(),
                        new SessionReportQuery(
                                FilterParameters.instant("from", filter.get("from")),
                                FilterParameters.instant("to", filter.get("to")),
                                filter.get("representative"),
                                filter.get("client"),
                                filter.get("outcome"),
                                page * PAGE_SIZE,
                                PAGE_SIZE)),
                null);
    }

    public List<SessionReport> getSessions() {
        return result.items();
    }

    public long getTotal() {
        return result.total();
    }

    public String parameter(String name) {
        return filter.getOrDefault(name, "");
    }

    /** The link to the next (older) page, or null on the last. */
    public String getOlderLink() {
        return (long) (page + 1) * PAGE_SIZE >= result.total() ? null : link(page + 1);
    }

    /** The link to the previous (newer) page, or null on the first. */
    public String getNewerLink() {
        return page == 0 ? null : link(page - 1);
    }

    private String link(int target) {
        return "sessions.xhtml?" + FilterParameters.join(FilterParameters.queryString(filter), "page=" + target);
    }

    private static int pageNumber(String value) {
        try {
            return value == null ? 0 : Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
