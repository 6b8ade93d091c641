package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jumpdesk.systemtests.ApiClient.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What operators watch: health on the management interface, and metrics in the Prometheus format. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperationsIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    @Test
    void liveAndReadyWithTheDatabaseAtTheShippedSchema() throws Exception {
        HttpResponse<String> live = management("health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("\"status\":\"UP\"");

        HttpResponse<String> ready = management("health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        JsonObject database = check(ready, "database");
        assertThat(database.getString("status")).isEqualTo("UP");
        JsonObject data = database.getJsonObject("data");
        assertThat(data.getString("schemaVersion"))
                .isEqualTo(data.getString("expectedSchemaVersion"))
                .isEqualTo(TestSite.text("SELECT max(version::int)::text FROM flyway_schema_history"));
    }

    @Test
    void aFailedMigrationMakesTheNodeUnreadyButStillLive() throws Exception {
        TestSite.execute(
                "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, installed_by,"
                        + " execution_time, success) VALUES (99999, '99999', 'broken', 'SQL', 'V99999__broken.sql',"
                        + " 'test', 0, FALSE)");
        try {
            HttpResponse<String> ready = management("health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            JsonObject database = check(ready, "database");
            assertThat(database.getString("status")).isEqualTo("DOWN");
            assertThat(database.getJsonObject("data")
                            .getJsonNumber("failedMigrations")
                            .longValue())
                    .isEqualTo(1);
            assertThat(management("health/live").statusCode()).isEqualTo(200);
        } finally {
            TestSite.execute("DELETE FROM flyway_schema_history WHERE installed_rank = 99999");
        }
        assertThat(management("health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void applicationMetricsInThePrometheusFormatForTokenHolders() throws Exception {
        String user = TestSite.createUser("correct horse battery", false);
        Answer metrics = new ApiClient(TestSite.createApiToken(user, "READ")).get("metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("# TYPE jumpdesk_agents_connected gauge\njumpdesk_agents_connected ")
                .contains("# TYPE jumpdesk_agent_messages_received_total counter\n")
                .containsPattern("(?m)^jumpdesk_jump_clients_deployed_limit \\d+$")
                .containsPattern("(?m)^jumpdesk_jump_clients_active \\d+$");
        assertThat(new ApiClient(null).get("metrics").status()).isEqualTo(401);
    }

    @Test
    void wildFlysOwnMetricsOnTheManagementInterface() throws Exception {
        HttpResponse<String> metrics = management("metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE ").contains("wildfly_");
    }

    private HttpResponse<String> management(String path) throws Exception {
        URI uri = URI.create("http://localhost:" + System.getProperty("jumpdesk.test.management-port") + "/" + path);
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject check(HttpResponse<String> response, String name) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject().getJsonArray("checks").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(c -> c.getString("name").equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no check " + name + " in " + response.body()));
        }
    }
}
