package org.jumpdesk.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import org.jumpdesk.shared.JumpDeskStatus;

/** Query and path parameters read by hand, so that a bad value is a problem naming its field. */
final class Params {

    private Params() {}

    /** An id in a path; one that cannot be an id is refused like an id that does not exist. */
    static UUID id(String value, JumpDeskStatus notFound) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw notFound.exception("'" + value + "' is not an id");
        }
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw JumpDeskStatus.INVALID_INPUT.exception(
                    field + ": must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw JumpDeskStatus.INVALID_INPUT.exception(
                    field + ": must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }
}
