package org.jumpdesk.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jumpdesk.shared.InputViolations;
import org.jumpdesk.shared.JumpDeskException;
import org.jumpdesk.shared.JumpDeskStatus;

/**
 * RFC 9457 problem details: {@code type}, {@code title} (the catalogue text in the request's language),
 * {@code status}, {@code detail}, {@code code} (the catalogue code) and, for invalid input, {@code errors}
 * naming each field and what it expects.
 */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";

    private static final String TYPE_PREFIX = "urn:jumpdesk:problem:";
    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

    /** Only these refusals explain themselves in the detail; the others say no more than their title. */
    private static final List<JumpDeskStatus> EXPLAINED =
            List.of(JumpDeskStatus.INVALID_INPUT, JumpDeskStatus.OVERRIDE_NOT_ALLOWED);

    private static final Pattern FIELD_ERROR = Pattern.compile("([\\w.-]+): (.+)", Pattern.DOTALL);

    private Problems() {}

    /** A field and what it expects, e.g. {@code tag}: {@code size must be between 0 and 64}. */
    record FieldError(String field, String message) {}

    static Response of(JumpDeskException refusal, HttpHeaders headers) {
        JumpDeskStatus status = refusal.status();
        String prefix = status.name() + ": ";
        String detail = EXPLAINED.contains(status) && refusal.getMessage().startsWith(prefix)
                ? refusal.getMessage().substring(prefix.length())
                : null;
        return of(status, detail, detail == null ? List.of() : fieldErrors(detail), headers);
    }

    static Response of(ConstraintViolationException violations, HttpHeaders headers) {
        return of(InputViolations.refusal(violations), headers);
    }

    static Response invalidInput(String field, String message, HttpHeaders headers) {
        return of(JumpDeskStatus.INVALID_INPUT.exception(field + ": " + message), headers);
    }

    /** The fields an explanation names, as {@code field: what it expects} separated by {@code ; }. */
    private static List<FieldError> fieldErrors(String detail) {
        return Arrays.stream(detail.split("; "))
                .map(FIELD_ERROR::matcher)
                .filter(Matcher::matches)
                .map(m -> new FieldError(m.group(1), m.group(2)))
                .toList();
    }

    static Response of(JumpDeskStatus status, String detail, List<FieldError> errors, HttpHeaders headers) {
        String title = ResourceBundle.getBundle(
                        "org.jumpdesk.web.messages",
                        language(headers),
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT))
                .getString(status.bundleKey());
        JsonObjectBuilder problem = Json.createObjectBuilder()
                .add("type", TYPE_PREFIX + status.name())
                .add("title", title)
                .add("status", status.httpStatus())
                .add("detail", detail == null ? title : detail)
                .add("code", status.name());
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            errors.forEach(e ->
                    list.add(Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
            problem.add("errors", list);
        }
        return response(status.httpStatus(), problem);
    }

    /** A failure outside the catalogue (unknown path, wrong method, a fault in the site): no code. */
    static Response uncatalogued(int httpStatus, String title) {
        return response(
                httpStatus,
                Json.createObjectBuilder()
                        .add("type", "about:blank")
                        .add("title", title)
                        .add("status", httpStatus));
    }

    private static Response response(int httpStatus, JsonObjectBuilder problem) {
        return Response.status(httpStatus)
                .type(MEDIA_TYPE)
                .entity(problem.build().toString())
                .build();
    }

    private static Locale language(HttpHeaders headers) {
        if (headers != null) {
            for (Locale wanted : headers.getAcceptableLanguages()) {
                for (Locale offered : LANGUAGES) {
                    if (offered.getLanguage().equals(wanted.getLanguage())) {
                        return offered;
                    }
                }
            }
        }
        return Locale.ENGLISH;
    }
}
