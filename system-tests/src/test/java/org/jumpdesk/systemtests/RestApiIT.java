package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jumpdesk.systemtests.ApiClient.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST API over HTTP against the running site, as an automation script would use it: every endpoint's
 * success, invalid input naming its field, wrong and read-only tokens, clients of other groups, and the
 * audit rows each action leaves.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestApiIT {

    private static final String PASSWORD = "correct horse battery";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    /** One API call: method, path and JSON body (or null). */
    private record Call(String method, String path, String body) {}

    private String admin;
    private String manager;
    private String outsider;
    private String group;
    private UUID active;
    private UUID passive;
    private ApiClient adminApi;
    private ApiClient managerApi;
    private ApiClient outsiderApi;

    @BeforeEach
    void aGroupWithTwoClientsItsManagerAnAdministratorAndAnOutsider() throws SQLException {
        admin = TestSite.createUser(PASSWORD, true);
        manager = TestSite.createUser(PASSWORD, false);
        outsider = TestSite.createUser(PASSWORD, false);
        group = TestSite.createSharedGroup(manager, "MANAGE");
        active = TestSite.createClient(group, "ACTIVE");
        passive = TestSite.createClient(group, "PASSIVE");
        adminApi = new ApiClient(TestSite.createApiToken(admin, "WRITE"));
        managerApi = new ApiClient(TestSite.createApiToken(manager, "WRITE"));
        outsiderApi = new ApiClient(TestSite.createApiToken(outsider, "WRITE"));
    }

    @Test
    void listAndSearchShowTheClientsOfTheTokensOwnerOnly() throws Exception {
        Answer all = managerApi.get("jump-clients");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().getInt("total")).isEqualTo(2);
        assertThat(ids(all)).containsExactlyInAnyOrder(active.toString(), passive.toString());

        assertThat(ids(managerApi.get(
                        "jump-clients?search=HOST-" + active.toString().substring(0, 13))))
                .containsExactly(active.toString());
        assertThat(ids(managerApi.get("jump-clients?state=passive&jumpGroup=" + group)))
                .containsExactly(passive.toString());
        Answer paged = managerApi.get("jump-clients?offset=1&limit=1");
        assertThat(ids(paged)).hasSize(1);
        assertThat(paged.json().getInt("total")).isEqualTo(2);

        Answer outsiders = outsiderApi.get("jump-clients");
        assertThat(outsiders.json().getInt("total")).isZero();
        assertThat(outsiders.body()).doesNotContain(active.toString());
    }

    @Test
    void invalidSearchParametersNameTheirField() throws Exception {
        assertInvalid(managerApi.get("jump-clients?state=SIDEWAYS"), "state", "must be one of");
        assertInvalid(managerApi.get("jump-clients?limit=0"), "limit", "must be greater than or equal to 1");
        assertInvalid(managerApi.get("jump-clients?limit=1001"), "limit", "must be less than or equal to 1000");
        assertInvalid(managerApi.get("jump-clients?search=" + "x".repeat(256)), "text", "size must be between");
    }

    @Test
    void oneClientWithItsDetails() throws Exception {
        Answer client = managerApi.get("jump-clients/" + active);

        assertThat(client.status()).isEqualTo(200);
        assertThat(client.contentType()).startsWith("application/json");
        assertThat(client.json().getString("id")).isEqualTo(active.toString());
        assertThat(client.json().getString("state")).isEqualTo("ACTIVE");
        assertThat(client.json().getString("jumpGroup")).isEqualTo(group);
        assertThat(client.json().getString("hostname")).isEqualTo("host-" + active);
    }

    @Test
    void anotherGroupsClientIsNotFoundExactlyLikeAMissingOne() throws Exception {
        Answer hidden = outsiderApi.get("jump-clients/" + active);
        Answer missing = outsiderApi.get("jump-clients/" + UUID.randomUUID());

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.contentType()).startsWith("application/problem+json");
        assertThat(hidden.code()).isEqualTo("JC_NOT_FOUND");
        assertThat(hidden.json().getString("title")).isEqualTo("The Jump Client does not exist.");
        assertThat(hidden.body()).isEqualTo(missing.body()).doesNotContain(active.toString(), group);
        assertThat(outsiderApi.get("jump-clients/not-an-id").body()).isEqualTo(missing.body());
    }

    @Test
    void everyClientActionOnAnotherGroupsClientIsNotFoundAndAudited() throws Exception {
        for (Call call : clientCalls(active)) {
            Answer answer = outsiderApi.send(call.method(), call.path(), call.body());
            assertThat(answer.status()).as(call.toString()).isEqualTo(404);
            assertThat(answer.code()).as(call.toString()).isEqualTo("JC_NOT_FOUND");
        }
        assertThat(TestSite.eventuallyAtLeast(
                        clientCalls(active).size(),
                        "SELECT COUNT(*) FROM audit_event WHERE actor = ? AND target = ? AND outcome = 'JC_NOT_FOUND'",
                        outsider,
                        active.toString()))
                .isEqualTo(clientCalls(active).size());
        assertThat(managerApi.get("jump-clients/" + active).json().getString("state"))
                .isEqualTo("ACTIVE");
    }

    @Test
    void problemsSpeakTheRequestsLanguage() throws Exception {
        Answer spanish = outsiderApi.inLanguage("es-ES,es;q=0.9").get("jump-clients/" + active);

        assertThat(spanish.code()).isEqualTo("JC_NOT_FOUND");
        assertThat(spanish.json().getString("title")).isEqualTo("El Jump Client no existe.");
        assertThat(outsiderApi
                        .inLanguage("fr")
                        .get("jump-clients/" + active)
                        .json()
                        .getString("title"))
                .isEqualTo("The Jump Client does not exist.");
    }

    @Test
    void updatingPropertiesIsAudited() throws Exception {
        Answer updated = managerApi.put(
                "jump-clients/" + active,
                "{\"jumpGroup\":\"" + group + "\",\"tag\":\"racks\",\"comments\":\"by the API\",\"mode\":\"ACTIVE\"}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().getString("tag")).isEqualTo("racks");
        assertThat(managerApi.get("jump-clients/" + active).json().getString("comments"))
                .isEqualTo("by the API");
        assertAudited(manager, "jump-client.properties", active);
    }

    @Test
    void invalidPropertiesNameTheirField() throws Exception {
        String path = "jump-clients/" + active;
        assertInvalid(
                managerApi.put(
                        path,
                        "{\"jumpGroup\":\"" + group + "\",\"tag\":\"" + "t".repeat(65) + "\",\"mode\":\"ACTIVE\"}"),
                "tag",
                "size must be between 0 and 64");
        assertInvalid(managerApi.put(path, "{\"jumpGroup\":\"" + group + "\"}"), "mode", "must not be null");
        assertInvalid(managerApi.put(path, "{\"jumpGroup\":\"no-such-group\",\"mode\":\"ACTIVE\"}"), null, null);
        assertInvalid(managerApi.put(path, "{\"jumpGroup\":"), "body", "is not the JSON");
        assertThat(managerApi.get(path).json().containsKey("tag")).isFalse();
    }

    @Test
    void switchingModeIsAudited() throws Exception {
        Answer switched = managerApi.put("jump-clients/" + active + "/mode", "{\"mode\":\"PASSIVE\"}");

        assertThat(switched.status()).isEqualTo(200);
        assertThat(switched.json().getString("state")).isEqualTo("PASSIVE");
        assertAudited(manager, "jump-client.switch-mode", active);
        assertInvalid(
                managerApi.put("jump-clients/" + active + "/mode", "{\"mode\":\"SIDEWAYS\"}"), "body", "SIDEWAYS");
        assertInvalid(managerApi.put("jump-clients/" + active + "/mode", "{}"), "mode", "must not be null");
    }

    @Test
    void startingAJumpCreatesASessionWaitingForTheTokensOwnerAndIsAudited() throws Exception {
        Answer jump = managerApi.post("jump-clients/" + active + "/jump", null);

        assertThat(jump.status()).as(jump.body()).isEqualTo(201);
        String session = jump.json().getString("sessionId");
        assertThat(jump.json().getString("consoleUrl"))
                .isEqualTo(TestSite.httpUrl()
                        .resolve("console/session.xhtml?session=" + session)
                        .toString());
        assertThat(TestSite.count(
                        "SELECT count(*) FROM support_session WHERE id = ?::uuid AND client_id = ?::uuid"
                                + " AND representative = ? AND state = 'WAITING'",
                        session,
                        active.toString(),
                        manager))
                .isEqualTo(1);
        assertThat(managerApi.get("jump-clients/" + active).json().getString("lastJumpedBy"))
                .isEqualTo(manager);
        assertAudited(manager, "jump-client.jump", active);
        assertAudited(manager, "session.requested", active);
    }

    @Test
    void sessionsAreListedFilteredAndShownWithTheirAuditRows() throws Exception {
        String session =
                managerApi.post("jump-clients/" + active + "/jump", null).json().getString("sessionId");
        managerApi.post("jump-clients/" + passive + "/jump", null);

        Answer mine = managerApi.get("sessions?client=" + active);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().getInt("total")).isEqualTo(1);
        assertThat(ids(mine)).containsExactly(session);
        Answer byRepresentative = adminApi.get("sessions?representative=" + manager + "&limit=1");
        assertThat(byRepresentative.json().getInt("total")).isEqualTo(2);
        assertThat(ids(byRepresentative)).hasSize(1);
        assertThat(ids(adminApi.get("sessions?representative=" + manager + "&from="
                        + Instant.now().plusSeconds(60))))
                .isEmpty();
        assertThat(ids(adminApi.get("sessions?representative=" + manager + "&outcome=CONNECT_TIMEOUT")))
                .isEmpty();

        Answer detail = managerApi.get("sessions/" + session);
        assertThat(detail.status()).isEqualTo(200);
        JsonObject report = detail.json().getJsonObject("session");
        assertThat(report.getString("representative")).isEqualTo(manager);
        assertThat(report.getString("clientId")).isEqualTo(active.toString());
        assertThat(report.getString("jumpGroup")).isEqualTo(group);
        assertThat(report.getString("state")).isEqualTo("WAITING");
        assertThat(detail.json().getJsonArray("audit").stream()
                        .map(e -> ((JsonObject) e).getString("action"))
                        .toList())
                .contains("session.requested");
        assertThat(adminApi.get("sessions/" + session).status()).isEqualTo(200);
    }

    @Test
    void anotherGroupsSessionIsNotFoundExactlyLikeAMissingOneAndAudited() throws Exception {
        String session =
                managerApi.post("jump-clients/" + active + "/jump", null).json().getString("sessionId");

        Answer hidden = outsiderApi.get("sessions/" + session);
        Answer missing = outsiderApi.get("sessions/" + UUID.randomUUID());
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.code()).isEqualTo("JC_NOT_FOUND");
        assertThat(hidden.body()).isEqualTo(missing.body()).doesNotContain(session, active.toString(), group);
        assertThat(outsiderApi.get("sessions/not-an-id").body()).isEqualTo(missing.body());
        Answer none = outsiderApi.get("sessions");
        assertThat(none.json().getInt("total")).isZero();
        assertThat(none.body()).doesNotContain(session);
        assertThat(TestSite.eventuallyAtLeast(
                        1,
                        "SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'session.report' AND target = ?"
                                + " AND outcome = 'JC_NOT_FOUND'",
                        outsider,
                        session))
                .isEqualTo(1);
    }

    @Test
    void invalidSessionQueriesNameTheirField() throws Exception {
        assertInvalid(managerApi.get("sessions?from=yesterday"), "from", "ISO-8601");
        assertInvalid(managerApi.get("sessions?limit=0"), "limit", "must be greater than or equal to 1");
        assertInvalid(managerApi.get("sessions?offset=-1"), "offset", "must be greater than or equal to 0");
        assertInvalid(managerApi.get("sessions?client=" + "x".repeat(256)), "client", "size must be between");
    }

    @Test
    void deletingRemovesTheClientAndIsAudited() throws Exception {
        assertThat(managerApi.delete("jump-clients/" + passive).status()).isEqualTo(204);

        assertThat(managerApi.get("jump-clients/" + passive).code()).isEqualTo("JC_NOT_FOUND");
        assertThat(managerApi.get("jump-clients").json().getInt("total")).isEqualTo(1);
        assertAudited(manager, "jump-client.delete", passive);
    }

    @Test
    void administratorsCreateListAndRevokeInstallers() throws Exception {
        Answer created = adminApi.post("installers", installer(group, 60));

        assertThat(created.status()).isEqualTo(201);
        JsonObject installer = created.json().getJsonObject("installer");
        String id = installer.getString("id");
        String key = installer.getString("key");
        assertThat(key).hasSize(46);
        assertThat(created.json().getString("downloadPath")).isEqualTo("/download/installer?key=" + key);
        Answer listed = adminApi.get("installers");
        assertThat(listed.body()).contains(id).doesNotContain(key);
        assertAudited(admin, "installer.create", UUID.fromString(id));

        assertThat(adminApi.delete("installers/" + id).status()).isEqualTo(204);
        assertThat(adminApi.get("installers").array().stream()
                        .map(JsonObject.class::cast)
                        .filter(i -> i.getString("id").equals(id))
                        .findFirst()
                        .orElseThrow()
                        .getBoolean("revoked"))
                .isTrue();
        assertAudited(admin, "installer.revoke", UUID.fromString(id));
    }

    @Test
    void installerInputAndRightsAreChecked() throws Exception {
        assertInvalid(
                adminApi.post("installers", installer(group, 5)), "validForMinutes", "greater than or equal to 10");
        assertInvalid(adminApi.post("installers", installer("no-such-group", 60)), null, null);
        assertInvalid(adminApi.delete("installers/" + UUID.randomUUID()), null, null);
        Answer refused = managerApi.post("installers", installer(group, 60));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("PERMISSION_DENIED");
        assertThat(managerApi.get("installers").code()).isEqualTo("PERMISSION_DENIED");
    }

    @Test
    void aMemberWithTheDeployPermissionCreatesInstallersForTheirGroupOnly() throws Exception {
        TestSite.execute(
                "UPDATE jump_group_member SET may_deploy = TRUE WHERE user_id = (SELECT id FROM console_user"
                        + " WHERE username = ?)",
                manager);

        Answer created = managerApi.post("installers", installer(group, 60));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertAudited(
                manager,
                "installer.create",
                UUID.fromString(created.json().getJsonObject("installer").getString("id")));
        Answer elsewhere = managerApi.post("installers", installer("user:" + manager, 60));
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.code()).isEqualTo("PERMISSION_DENIED");
    }

    @Test
    void tokensAreCreatedUsedWithinTheirScopeAndRevoked() throws Exception {
        Answer created = adminApi.post(
                "api-tokens", "{\"name\":\"inventory script\",\"owner\":\"" + manager + "\",\"scope\":\"READ\"}");
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().getString("secret");
        String id = created.json().getJsonObject("token").getString("id");
        assertThat(secret).startsWith("jdt_").hasSizeGreaterThan(40);
        assertThat(TestSite.count("SELECT COUNT(*) FROM api_token WHERE id = ?::uuid AND token_hash <> ?", id, secret))
                .as("only the hash is stored")
                .isEqualTo(1);
        assertAudited(admin, "api-token.create", UUID.fromString(id));

        ApiClient reader = new ApiClient(secret);
        assertThat(reader.get("jump-clients/" + active).status()).isEqualTo(200);
        assertThat(adminApi.get("api-tokens").body()).contains(id).doesNotContain(secret);
        assertThat(TestSite.count("SELECT COUNT(*) FROM api_token WHERE id = ?::uuid AND last_used_at IS NOT NULL", id))
                .isEqualTo(1);

        Answer revoked = adminApi.delete("api-tokens/" + id);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().containsKey("revokedAt")).isTrue();
        assertAudited(admin, "api-token.revoke", UUID.fromString(id));
        Answer refused = reader.get("jump-clients/" + active);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("API_TOKEN_INVALID");
    }

    @Test
    void tokenInputAndRightsAreChecked() throws Exception {
        assertInvalid(
                adminApi.post(
                        "api-tokens",
                        "{\"name\":\"x\",\"owner\":\"nobody-" + UUID.randomUUID() + "\",\"scope\":\"READ\"}"),
                "owner",
                "no enabled user");
        assertInvalid(
                adminApi.post("api-tokens", "{\"name\":\"\",\"owner\":\"" + manager + "\",\"scope\":\"READ\"}"),
                "name",
                "must not be blank");
        assertInvalid(
                adminApi.post("api-tokens", "{\"name\":\"x\",\"owner\":\"" + manager + "\"}"),
                "scope",
                "must not be null");
        assertThat(managerApi
                        .post("api-tokens", "{\"name\":\"x\",\"owner\":\"" + manager + "\",\"scope\":\"WRITE\"}")
                        .code())
                .isEqualTo("PERMISSION_DENIED");
    }

    @Test
    void theLastUseIsWrittenAtMostOnceAMinute() throws Exception {
        String secret = TestSite.createApiToken(manager, "READ");
        ApiClient reader = new ApiClient(secret);
        reader.get("jump-clients");
        String firstUse = lastUsed(secret);
        reader.get("jump-clients");
        reader.get("jump-clients/" + active);

        assertThat(firstUse).isNotNull();
        assertThat(lastUsed(secret)).isEqualTo(firstUse);
    }

    @Test
    void aMissingUnknownOrMalformedTokenIsRefusedOnEveryEndpointAndAudited() throws Exception {
        String marker = UUID.randomUUID().toString();
        List<Call> calls = everyCall(UUID.fromString(marker));
        for (ApiClient stranger : List.of(new ApiClient(null), new ApiClient("jdt_" + marker))) {
            for (Call call : calls) {
                Answer answer = stranger.send(call.method(), call.path(), call.body());
                assertThat(answer.status()).as(call.toString()).isEqualTo(401);
                assertThat(answer.contentType()).as(call.toString()).startsWith("application/problem+json");
                assertThat(answer.code()).as(call.toString()).isEqualTo("API_TOKEN_INVALID");
            }
        }
        assertThat(TestSite.eventuallyAtLeast(
                        2L * calls.size(),
                        "SELECT COUNT(*) FROM audit_event WHERE actor = 'anonymous' AND action = 'api.authenticate'"
                                + " AND outcome = 'API_TOKEN_INVALID' AND detail LIKE ?",
                        "%" + marker + "%"))
                .isGreaterThanOrEqualTo(2L
                        * calls.stream().filter(c -> c.path().contains(marker)).count());
    }

    @Test
    void aReadOnlyTokenCannotWriteAnywhereAndTheAttemptIsAudited() throws Exception {
        ApiClient reader = new ApiClient(TestSite.createApiToken(admin, "READ"));
        List<Call> writes = everyCall(active).stream()
                .filter(c -> !c.method().equals("GET"))
                .toList();
        for (Call call : writes) {
            Answer answer = reader.send(call.method(), call.path(), call.body());
            assertThat(answer.status()).as(call.toString()).isEqualTo(403);
            assertThat(answer.code()).as(call.toString()).isEqualTo("API_TOKEN_READ_ONLY");
        }
        assertThat(reader.get("audit-events?limit=1").status()).isEqualTo(200);
        assertThat(TestSite.eventuallyAtLeast(
                        writes.size(),
                        "SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'api.authenticate'"
                                + " AND outcome = 'API_TOKEN_READ_ONLY'",
                        admin))
                .isEqualTo(writes.size());
        assertThat(managerApi.get("jump-clients/" + passive).status()).isEqualTo(200);
    }

    @Test
    void administratorsReadTheAuditTrailFilteredAndPagedByKey() throws Exception {
        managerApi.post("jump-clients/" + active + "/jump", null);
        managerApi.post("jump-clients/" + passive + "/jump", null);

        Answer jumps = adminApi.get("audit-events?actor=" + manager + "&action=jump-client.jump&outcome=SUCCESS");
        assertThat(jumps.status()).isEqualTo(200);
        assertThat(targets(jumps)).containsExactly(passive.toString(), active.toString());

        Answer first = adminApi.get("audit-events?actor=" + manager + "&action=jump-client.jump&limit=1");
        assertThat(targets(first)).containsExactly(passive.toString());
        long next = first.json().getJsonNumber("next").longValue();
        Answer second =
                adminApi.get("audit-events?actor=" + manager + "&action=jump-client.jump&limit=1&before=" + next);
        assertThat(targets(second)).containsExactly(active.toString());
        assertThat(second.json().containsKey("next")).isFalse();

        assertThat(targets(adminApi.get("audit-events?target=" + active + "&from="
                        + Instant.now().plusSeconds(60))))
                .isEmpty();
        assertThat(targets(adminApi.get(
                        "audit-events?target=" + active + "&to=" + Instant.now().plusSeconds(60))))
                .contains(active.toString());
    }

    @Test
    void auditQueriesAreCheckedAndForAdministratorsOnly() throws Exception {
        assertInvalid(adminApi.get("audit-events?from=yesterday"), "from", "ISO-8601");
        assertInvalid(adminApi.get("audit-events?limit=5000"), "limit", "less than or equal to 1000");
        Answer refused = managerApi.get("audit-events");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("PERMISSION_DENIED");
    }

    @Test
    void anUnknownPathIsAProblemToo() throws Exception {
        Answer unknown = managerApi.get("no-such-thing");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theLibrariesResourcesAreNotPublished() throws Exception {
        assertThat(adminApi.get("v2.0/jumpdesk/metadata").status()).isEqualTo(404);
        assertThat(adminApi.get("v2.0/jumpdesk/entity/ConsoleUser/1").status()).isEqualTo(404);
    }

    /** The calls on one Jump Client, each valid for a manager of its group. */
    private List<Call> clientCalls(UUID client) {
        String path = "jump-clients/" + client;
        return List.of(
                new Call("GET", path, null),
                new Call("PUT", path, "{\"jumpGroup\":\"" + group + "\",\"tag\":\"t\",\"mode\":\"ACTIVE\"}"),
                new Call("PUT", path + "/mode", "{\"mode\":\"PASSIVE\"}"),
                new Call("POST", path + "/jump", null),
                new Call("DELETE", path, null));
    }

    /** One call of every endpoint of the API. */
    private List<Call> everyCall(UUID id) {
        List<Call> calls = new java.util.ArrayList<>(clientCalls(id));
        calls.addAll(List.of(
                new Call("GET", "jump-clients?search=" + id, null),
                new Call("GET", "installers", null),
                new Call("POST", "installers", installer(group, 60)),
                new Call("DELETE", "installers/" + id, null),
                new Call("GET", "api-tokens", null),
                new Call("POST", "api-tokens", "{\"name\":\"x\",\"owner\":\"" + manager + "\",\"scope\":\"READ\"}"),
                new Call("DELETE", "api-tokens/" + id, null),
                new Call("GET", "audit-events?target=" + id, null),
                new Call("GET", "sessions?client=" + id, null),
                new Call("GET", "sessions/" + id, null),
                new Call("GET", "metrics?" + id, null)));
        return calls;
    }

    private static String installer(String group, int validForMinutes) {
        return "{\"jumpGroup\":\"" + group + "\",\"tag\":\"api\",\"mode\":\"ACTIVE\",\"installMode\":\"SERVICE\","
                + "\"validForMinutes\":" + validForMinutes + "}";
    }

    private static void assertInvalid(Answer answer, String field, String expected) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo("INVALID_INPUT");
        assertThat(answer.json().getString("title")).isEqualTo("Some of the values entered are not valid.");
        if (field != null) {
            JsonObject error = answer.json().getJsonArray("errors").getJsonObject(0);
            assertThat(error.getString("field")).isEqualTo(field);
            assertThat(error.getString("message")).contains(expected);
        }
    }

    private static void assertAudited(String actor, String action, UUID target) throws SQLException {
        assertThat(TestSite.count(
                        "SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = ? AND target = ? AND outcome = 'SUCCESS'",
                        actor,
                        action,
                        target.toString()))
                .as("%s %s %s in the audit trail", actor, action, target)
                .isEqualTo(1);
    }

    private static List<String> ids(Answer page) {
        return page.json().getJsonArray("items").stream()
                .map(item -> ((JsonObject) item).getString("id"))
                .toList();
    }

    private static List<String> targets(Answer page) {
        return page.json().getJsonArray("events").stream()
                .map(event -> ((JsonObject) event).get("target"))
                .map(target -> ((JsonString) target).getString())
                .toList();
    }

    private static String lastUsed(String secret) throws SQLException {
        return TestSite.text(
                "SELECT last_used_at::text FROM api_token WHERE token_hash = ?",
                org.jumpdesk.shared.Secrets.sha256Hex(secret));
    }
}
