package org.jumpdesk.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jumpdesk.shared.JumpDeskStatus;

/** A list page's filter read from, and written back to, GET parameters, so filtered pages are plain links. */
final class FilterParameters {

    private FilterParameters() {}

    /** The given parameters that are not blank, trimmed, in the order named. */
    static Map<String, String> read(HttpServletRequest request, String... names) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name : names) {
            String value = request.getParameter(name);
            if (value != null && !value.isBlank()) {
                parameters.put(name, value.trim());
            }
        }
        return parameters;
    }

    /** The parameters as a query string, without the leading {@code ?}. */
    static String queryString(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** An ISO-8601 instant, or null; anything else is {@code INVALID_INPUT} naming the field. */
    static Instant instant(String name, String value) {
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

    /** Two query strings joined. */
    static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "&" + b;
    }
}
