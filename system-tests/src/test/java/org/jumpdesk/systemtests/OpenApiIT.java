package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The OpenAPI document the site serves, and the page that renders it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT {

    /** Every operation of the API; a new endpoint must be added here (and to RestApiIT). */
    private static final Set<String> OPERATIONS = Set.of(
            "GET /api/v1/jump-clients",
            "GET /api/v1/jump-clients/{id}",
            "PUT /api/v1/jump-clients/{id}",
            "DELETE /api/v1/jump-clients/{id}",
            "PUT /api/v1/jump-clients/{id}/mode",
            "POST /api/v1/jump-clients/{id}/jump",
            "GET /api/v1/installers",
            "POST /api/v1/installers",
            "DELETE /api/v1/installers/{id}",
            "GET /api/v1/api-tokens",
            "POST /api/v1/api-tokens",
            "DELETE /api/v1/api-tokens/{id}",
            "GET /api/v1/audit-events",
            "GET /api/v1/sessions",
            "GET /api/v1/sessions/{id}",
            "GET /api/v1/metrics");

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    @Test
    void theDocumentIsValidOpenApiAndListsEveryEndpoint() throws Exception {
        HttpResponse<String> response = get("openapi?format=JSON");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject document;
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            document = reader.readObject();
        }

        assertThat(document.getString("openapi")).matches("3\\.[01]\\.\\d+");
        assertThat(document.getJsonObject("info").getString("title")).isEqualTo("JumpDesk API");
        assertThat(document.getJsonObject("info").getString("version")).isNotBlank();
        JsonObject bearer = document.getJsonObject("components")
                .getJsonObject("securitySchemes")
                .getJsonObject("apiToken");
        assertThat(bearer.getString("type")).isEqualTo("http");
        assertThat(bearer.getString("scheme")).isEqualTo("bearer");
        assertThat(document.getJsonArray("security").getJsonObject(0).containsKey("apiToken"))
                .isTrue();

        Set<String> operations = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonValue> path : document.getJsonObject("paths").entrySet()) {
            for (Map.Entry<String, JsonValue> operation :
                    path.getValue().asJsonObject().entrySet()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                operations.add(name);
                JsonObject details = operation.getValue().asJsonObject();
                if (!details.containsKey("responses")
                        || details.getJsonObject("responses").isEmpty()) {
                    problems.add(name + " has no responses");
                }
                if (!details.containsKey("summary")) {
                    problems.add(name + " has no summary");
                }
                for (String parameter : pathParameters(path.getKey())) {
                    boolean declared = details.getJsonArray("parameters") != null
                            && details.getJsonArray("parameters").stream()
                                    .map(JsonValue::asJsonObject)
                                    .anyMatch(p -> p.getString("name").equals(parameter)
                                            && p.getString("in").equals("path"));
                    if (!declared) {
                        problems.add(name + " does not declare its path parameter " + parameter);
                    }
                }
            }
        }
        collectBrokenReferences(document, document, problems);

        assertThat(operations).containsExactlyInAnyOrderElementsOf(OPERATIONS);
        assertThat(problems).isEmpty();
    }

    @Test
    void thePageRendersTheDocumentWithSwaggerUiFromTheSiteItself() throws Exception {
        HttpResponse<String> page = get("api/docs/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui-bundle.js").doesNotContain("://");

        assertThat(get("webjars/swagger-ui/5.34.1/swagger-ui-bundle.js").statusCode())
                .isEqualTo(200);
        assertThat(get("webjars/swagger-ui/5.34.1/swagger-ui.css").statusCode()).isEqualTo(200);
        assertThat(get("api/docs/openapi-page.js").body()).contains("/openapi?format=JSON");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(TestSite.httpUrl().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> pathParameters(String path) {
        List<String> names = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Every {@code $ref} must point at something in the document. */
    private static void collectBrokenReferences(JsonObject document, JsonValue value, List<String> problems) {
        switch (value.getValueType()) {
            case OBJECT -> value.asJsonObject().forEach((key, child) -> {
                if (key.equals("$ref") && child instanceof JsonString ref && !resolves(document, ref.getString())) {
                    problems.add("unresolved " + ref.getString());
                }
                collectBrokenReferences(document, child, problems);
            });
            case ARRAY -> value.asJsonArray().forEach(child -> collectBrokenReferences(document, child, problems));
            default -> {}
        }
    }

    private static boolean resolves(JsonObject document, String reference) {
        if (!reference.startsWith("#/")) {
            return false;
        }
        JsonValue node = document;
        for (String part : reference.substring(2).split("/")) {
            if (node.getValueType() != JsonValue.ValueType.OBJECT
                    || !node.asJsonObject().containsKey(part)) {
                return false;
            }
            node = node.asJsonObject().get(part);
        }
        return true;
    }
}
