package org.jumpdesk.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Map;
import org.jumpdesk.audit.boundary.AuditQuery;

/**
 * The audit viewer's filter as request parameters ({@code from, to, actor, target, action, outcome}), so
 * that a filtered page, its next page and its export are plain links.
 */
record AuditFilter(Map<String, String> parameters) {

    static final String[] NAMES = {"from", "to", "actor", "target", "action", "outcome"};

    static AuditFilter of(HttpServletRequest request) {
        return new AuditFilter(FilterParameters.read(request, NAMES));
    }

    AuditQuery query(Long before, int limit) {
        return new AuditQuery(
                instant("from"),
                instant("to"),
                parameters.get("actor"),
                parameters.get("target"),
                parameters.get("action"),
                parameters.get("outcome"),
                before,
                limit);
    }

    /** The filter as a query string, without the leading {@code ?}. */
    String queryString() {
        return FilterParameters.queryString(parameters);
    }

    private Instant instant(String name) {
        return FilterParameters.instant(name, parameters.get(name));
    }
}
