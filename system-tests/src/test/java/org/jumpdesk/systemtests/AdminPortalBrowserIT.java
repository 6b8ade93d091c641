package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** An administrator runs the site in a real browser: users, passwords, groups and roles, the audit trail. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminPortalBrowserIT {

    private static final String PASSWORD = "correct horse battery";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    private String admin;

    @BeforeEach
    void anAdministrator() throws Exception {
        admin = TestSite.createUser(PASSWORD, true);
    }

    @Test
    void usersAreCreatedDisabledAndMadeToChangeTheirPassword() throws Exception {
        String user = Fixtures.unique("alice");
        try (Browser browser = Browser.english(TestSite.httpUrl())) {
            browser.logIn("admin/users.xhtml", admin, PASSWORD);

            browser.element(By.id("create-user:username")).sendKeys(user);
            browser.driver().findElement(By.id("create-user:password")).sendKeys("short");
            browser.submit(browser.driver().findElement(By.id("create-user:create")));
            assertThat(browser.textOnceContains(By.id("messages"), "not valid"))
                    .contains("Some of the values entered are not valid.")
                    .contains("password: size must be between 12 and 256");

            browser.element(By.id("create-user:username")).clear();
            browser.driver().findElement(By.id("create-user:username")).sendKeys(user);
            browser.driver().findElement(By.id("create-user:password")).sendKeys(PASSWORD);
            new Select(browser.driver().findElement(By.id("create-user:visibility"))).selectByVisibleText("team mates");
            browser.submit(browser.driver().findElement(By.id("create-user:create")));
            assertThat(browser.textOnceContains(By.id("messages"), "created")).contains("User " + user + " created.");
            assertThat(status(browser, user)).isEqualTo("Enabled");
            browser.screenshot("admin-users");

            browser.submit(rowButton(browser, "disable-user", user));
            browser.textOnceContains(By.id("messages"), "disabled");
            assertThat(status(browser, user)).isEqualTo("Disabled");
            assertThat(new ConsoleSession(TestSite.httpUrl())
                            .logIn("console/jump-clients.xhtml", user, PASSWORD)
                            .body())
                    .contains("login-failed");
            browser.submit(rowButton(browser, "enable-user", user));
            browser.textOnceContains(By.id("messages"), "enabled");

            new Select(browser.element(By.id("reset-password:user"))).selectByVisibleText(user);
            browser.driver().findElement(By.id("reset-password:password")).sendKeys("temporary password 1");
            browser.submit(browser.driver().findElement(By.id("reset-password:reset")));
            browser.textOnceContains(By.id("messages"), "reset");
            assertThat(browser.driver().findElements(By.cssSelector(".user-must-change")))
                    .isNotEmpty();
        }
        try (Browser browser = Browser.english(TestSite.httpUrl())) {
            browser.logIn("console/jump-clients.xhtml", user, "temporary password 1");
            browser.element(By.id("password-required"));
            browser.element(By.id("password:current")).sendKeys("temporary password 1");
            browser.driver().findElement(By.id("password:new")).sendKeys("my own password 2");
            browser.submit(browser.driver().findElement(By.id("password:change")));
            browser.element(By.id("password-changed"));

            browser.logIn("console/jump-clients.xhtml", user, "my own password 2");
            assertThat(browser.textOnceContains(By.id("signed-in-as"), user)).isEqualTo(user);
        }
        assertThat(TestSite.count(
                        "SELECT COUNT(*) FROM audit_event WHERE target = ? AND actor = ? AND action IN"
                                + " ('console-user.create', 'console-user.set-enabled', 'console-user.reset-password')",
                        user,
                        admin))
                .isEqualTo(4);
        assertThat(TestSite.count(
                        "SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'console-user.change-password'",
                        user))
                .isEqualTo(1);
    }

    @Test
    void sharedGroupsGetMembersWhoseRolesChange() throws Exception {
        String member = TestSite.createRepresentative(PASSWORD);
        String group = Fixtures.unique("servers");
        try (Browser browser = Browser.english(TestSite.httpUrl())) {
            browser.logIn("admin/groups.xhtml", admin, PASSWORD);
            browser.element(By.id("create-group:name")).sendKeys(group);
            browser.submit(browser.driver().findElement(By.id("create-group:create")));
            browser.textOnceContains(By.id("messages"), "created");

            giveRole(browser, group, member, "Jump");
            assertThat(memberRole(browser, group, member)).isEqualTo("JUMP");
            giveRole(browser, group, member, "Manage");
            assertThat(memberRole(browser, group, member)).isEqualTo("MANAGE");
            browser.screenshot("admin-groups");
            assertThat(TestSite.count(
                            "SELECT COUNT(*) FROM jump_group_member m JOIN jump_group g ON g.id = m.group_id"
                                    + " JOIN console_user u ON u.id = m.user_id WHERE g.name = ? AND u.username = ?"
                                    + " AND m.role = 'MANAGE'",
                            group,
                            member))
                    .isEqualTo(1);

            browser.submit(browser.driver()
                    .findElement(
                            By.cssSelector(".remove-member[data-group='" + group + "'][data-user='" + member + "']")));
            browser.textOnceContains(By.id("messages"), "removed");
            assertThat(browser.driver()
                            .findElements(By.cssSelector(
                                    ".group-member[data-group='" + group + "'][data-user='" + member + "']")))
                    .isEmpty();
        }
        assertThat(TestSite.count(
                        "SELECT COUNT(*) FROM audit_event WHERE actor = ? AND target = ? AND action IN"
                                + " ('jump-group.create', 'jump-group.set-member', 'jump-group.remove-member')",
                        admin,
                        group))
                .isEqualTo(4);
    }

    @Test
    void theAuditViewerFiltersPagesExportsAndVerifiesTheChain() throws Exception {
        String actor = "script-" + UUID.randomUUID();
        for (int i = 0; i < 55; i++) {
            TestSite.execute(
                    "INSERT INTO audit_event (occurred_at, actor, action, target, outcome, detail)"
                            + " VALUES (now(), ?, 'test.event', ?, 'SUCCESS', 'a \"quoted\", detail')",
                    actor,
                    "target-" + i);
        }
        try (Browser browser = Browser.english(TestSite.httpUrl())) {
            browser.logIn("admin/audit.xhtml", admin, PASSWORD);
            browser.element(By.id("actor")).sendKeys(actor);
            browser.submit(browser.driver().findElement(By.id("filter")));
            browser.textOnceContains(By.id("events"), "target-54");
            assertThat(column(browser, "event-actor")).hasSize(50).allMatch(actor::equals);
            assertThat(column(browser, "event-target").get(0)).isEqualTo("target-54");

            browser.submit(browser.driver().findElement(By.id("older")));
            browser.textOnceContains(By.id("events"), "target-0");
            assertThat(column(browser, "event-target"))
                    .containsExactly("target-4", "target-3", "target-2", "target-1", "target-0");
            assertThat(browser.driver().findElements(By.id("older"))).isEmpty();

            browser.submit(browser.driver().findElement(By.id("verify-form:verify")));
            assertThat(browser.textOnceContains(By.id("verify-form:verification"), "intact"))
                    .matches("The audit trail is intact: [\\d,.]+ rows checked\\.");
            browser.screenshot("admin-audit");
            assertThat(browser.element(By.id("export-csv")).getAttribute("href"))
                    .contains("format=csv")
                    .contains("actor=" + actor);
        }

        ConsoleSession session = new ConsoleSession(TestSite.httpUrl());
        session.logIn("admin/audit.xhtml", admin, PASSWORD);
        HttpResponse<String> csv = session.get("admin/audit-export?format=csv&actor=" + actor);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(56);
        assertThat(lines[0]).isEqualTo("id,occurredAt,actor,action,target,outcome,detail");
        assertThat(lines[1])
                .endsWith(",\"" + actor + "\",\"test.event\",\"target-54\",\"SUCCESS\",\"a \"\"quoted\"\", detail\"");
        HttpResponse<String> json = session.get("admin/audit-export?format=json&actor=" + actor + "&action=test.event");
        try (var reader = Json.createReader(new StringReader(json.body()))) {
            var events = reader.readArray();
            assertThat(events).hasSize(55);
            assertThat(events.getJsonObject(54).getString("target")).isEqualTo("target-0");
        }
        assertThat(TestSite.count(
                        "SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'audit.verify' AND outcome = 'SUCCESS'",
                        admin))
                .isEqualTo(1);
    }

    @Test
    void theLicensePageWarnsAtTheLimit() throws Exception {
        String activeLimit = TestSite.text("SELECT active_limit::text FROM site_license");
        String activeCount = TestSite.text("SELECT active_count::text FROM site_license");
        try (Browser browser = Browser.english(TestSite.httpUrl())) {
            browser.logIn("admin/license.xhtml", admin, PASSWORD);
            WebElement limit = browser.element(By.id("license:active-limit"));
            limit.clear();
            limit.sendKeys(activeCount);
            browser.submit(browser.driver().findElement(By.id("license:save")));

            browser.textOnceContains(By.id("messages"), "License set");
            assertThat(browser.element(By.id("active")).getAttribute("class")).isEqualTo("level-full");
            assertThat(browser.element(By.id("active")).getText())
                    .contains("Limit reached: new Jump Clients are refused.");
            browser.screenshot("admin-license");
        } finally {
            TestSite.execute("UPDATE site_license SET active_limit = ?::int", activeLimit);
        }
    }

    @Test
    void clientSettingsAreCheckedBeforeTheyAreSaved() throws Exception {
        String heartbeat = TestSite.text("SELECT heartbeat_seconds::text FROM client_settings");
        try (Browser browser = Browser.english(TestSite.httpUrl())) {
            browser.logIn("admin/settings.xhtml", admin, PASSWORD);
            WebElement field = browser.element(By.cssSelector("input[data-setting='heartbeatSeconds']"));
            field.clear();
            field.sendKeys("61");
            browser.submit(browser.driver().findElement(By.id("settings:save")));
            assertThat(browser.textOnceContains(By.id("messages"), "not valid"))
                    .contains("heartbeatSeconds: must be less than or equal to 60");
            assertThat(TestSite.text("SELECT heartbeat_seconds::text FROM client_settings"))
                    .isEqualTo(heartbeat);

            field = browser.element(By.cssSelector("input[data-setting='heartbeatSeconds']"));
            field.clear();
            field.sendKeys(heartbeat);
            browser.submit(browser.driver().findElement(By.id("settings:save")));
            browser.textOnceContains(By.id("messages"), "Client settings saved.");
        }
        assertThat(TestSite.count(
                        "SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'settings.change'", admin))
                .isEqualTo(1);
    }

    @Test
    void thePinPolicyOfTheSiteAndOfAGroupAreSavedAndAudited() throws Exception {
        String group = TestSite.createSharedGroup("pin-policy");
        try (Browser browser = Browser.english(TestSite.httpUrl())) {
            browser.logIn("admin/settings.xhtml", admin, PASSWORD);
            new Select(browser.element(By.id("pin-policy:prompt"))).selectByVisibleText("Never ask the customer");
            browser.submit(browser.driver().findElement(By.id("pin-policy:save")));
            browser.textOnceContains(By.id("messages"), "The session policy was saved.");
            assertThat(TestSite.text("SELECT pin_prompt FROM session_policy WHERE id = 1"))
                    .isEqualTo("NEVER");
            assertThat(new Select(browser.element(By.id("pin-policy:prompt")))
                            .getFirstSelectedOption()
                            .getText())
                    .as("the page shows the policy saved")
                    .isEqualTo("Never ask the customer");

            browser.open("admin/groups.xhtml");
            new Select(browser.element(By.id("pin-prompt:group"))).selectByVisibleText(group);
            new Select(browser.driver().findElement(By.id("pin-prompt:prompt")))
                    .selectByVisibleText("Always ask the customer");
            browser.submit(browser.driver().findElement(By.id("pin-prompt:save")));
            browser.textOnceContains(By.id("messages"), "The session policy was saved.");
            assertThat(browser.element(By.cssSelector(".group-pin-prompt[data-group='" + group + "']"))
                            .getDomAttribute("data-prompt"))
                    .isEqualTo("ALWAYS");

            new Select(browser.element(By.id("pin-prompt:group"))).selectByVisibleText(group);
            new Select(browser.driver().findElement(By.id("pin-prompt:prompt"))).selectByVisibleText("As the site");
            browser.submit(browser.driver().findElement(By.id("pin-prompt:save")));
            browser.textOnceContains(By.id("messages"), "The session policy was saved.");
            assertThat(browser.driver().findElements(By.cssSelector(".group-pin-prompt[data-group='" + group + "']")))
                    .as("a group that follows the site is not listed")
                    .isEmpty();
            assertThat(TestSite.text(
                            "SELECT coalesce(pin_prompt, 'as the site') FROM jump_group WHERE name = ?", group))
                    .isEqualTo("as the site");
        } finally {
            TestSite.execute("UPDATE session_policy SET pin_prompt = 'ALWAYS' WHERE id = 1");
        }
        assertThat(TestSite.count(
                        "SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'session-policy.change'"
                                + " AND detail = 'pin prompt NEVER'",
                        admin))
                .isEqualTo(1);
        assertThat(TestSite.count(
                        "SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'jump-group.set-pin-prompt'"
                                + " AND target = ?",
                        admin,
                        group))
                .isEqualTo(2);
    }

    @Test
    void anApiTokenIsShownOnceWorksAndIsRevoked() throws Exception {
        try (Browser browser = Browser.english(TestSite.httpUrl())) {
            browser.logIn("admin/tokens.xhtml", admin, PASSWORD);
            browser.element(By.id("create-token:name")).sendKeys("inventory");
            browser.driver().findElement(By.id("create-token:owner")).sendKeys(admin);
            browser.submit(browser.driver().findElement(By.id("create-token:create")));
            String secret = browser.element(By.id("secret")).getText();
            assertThat(secret).startsWith("jdt_");
            assertThat(new ApiClient(secret).get("audit-events?limit=1").status())
                    .isEqualTo(200);

            browser.open("admin/tokens.xhtml");
            assertThat(browser.driver().getPageSource()).doesNotContain(secret);
            String id = TestSite.text(
                    "SELECT id::text FROM api_token WHERE token_hash = ?",
                    org.jumpdesk.shared.Secrets.sha256Hex(secret));
            browser.submit(browser.element(By.cssSelector(".revoke-token[data-token='" + id + "']")));
            browser.textOnceContains(By.id("messages"), "API token revoked.");
            assertThat(new ApiClient(secret).get("audit-events?limit=1").status())
                    .isEqualTo(401);
        }
    }

    @Test
    void representativesCannotOpenTheAdminPortal() throws Exception {
        String representative = TestSite.createRepresentative(PASSWORD);
        ConsoleSession session = new ConsoleSession(TestSite.httpUrl());

        assertThat(session.logIn("admin/users.xhtml", representative, PASSWORD).statusCode())
                .isEqualTo(403);
        assertThat(session.get("admin/audit-export?format=csv").statusCode()).isEqualTo(403);
    }

    private static String status(Browser browser, String user) {
        return browser.driver()
                .findElement(By.cssSelector(".user-status[data-user='" + user + "']"))
                .getText();
    }

    private static WebElement rowButton(Browser browser, String styleClass, String user) {
        return browser.element(By.cssSelector("." + styleClass + "[data-user='" + user + "']"));
    }

    private static void giveRole(Browser browser, String group, String user, String role) {
        new Select(browser.element(By.id("set-member:group"))).selectByVisibleText(group);
        new Select(browser.driver().findElement(By.id("set-member:user"))).selectByVisibleText(user);
        new Select(browser.driver().findElement(By.id("set-member:role"))).selectByVisibleText(role);
        browser.submit(browser.driver().findElement(By.id("set-member:set")));
        browser.textOnceContains(By.id("messages"), "has the role");
    }

    private static String memberRole(Browser browser, String group, String user) {
        return browser.element(By.cssSelector(".group-member[data-group='" + group + "'][data-user='" + user + "']"))
                .getAttribute("data-role");
    }

    private static java.util.List<String> column(Browser browser, String styleClass) {
        return browser.driver().findElements(By.cssSelector("#events ." + styleClass)).stream()
                .map(WebElement::getText)
                .toList();
    }
}
