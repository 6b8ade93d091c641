package org.jumpdesk.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jumpdesk.audit.boundary.AuditQuery;
import org.jumpdesk.shared.JumpDeskStatus;

/**
 * The audit viewer's filter as request parameters ({@code from, to, actor, target, action, outcome}), so
 * that a filtered page, its next page and its export are plain links.
 */
record AuditFilter(Map<String, String> parameters) {

    static final String[] NAMES = {"from", "to", "actor", "target", "action", "outcome"};

    static AuditFilter of(HttpServletRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name : NAMES) {
            String value = request.getParameter(name);
            if (value != null && !value.isBlank()) {
                parameters.put(name, value.trim());
            }
        }
        return new AuditFilter(parameters);
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
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private Instant instant(String name) {
        String value = parameters.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw JumpDeskStatus.INVALID_INPUT.exception(
                    name + ": must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }
}
