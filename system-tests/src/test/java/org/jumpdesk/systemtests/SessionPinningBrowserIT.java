package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jumpdesk.systemtests.SessionPage.awaitState;
import static org.jumpdesk.systemtests.SessionPage.awaitTerminalText;
import static org.jumpdesk.systemtests.SessionPage.type;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * "Pin as Jump Client" from an attended session, with real temporary clients and the browser console: the
 * customer allows it on the client's standard input, the client installs itself (as an ordinary account,
 * into its home) and the new Jump Client is jumped to after the session; the customer denies; and each
 * refusal of the pin catalogue provoked for real. One representative and one browser for the class.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionPinningBrowserIT {

    private static final String PASSWORD = "correct horse battery";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The pinned client registers within the init script's wait; on a loaded machine it takes a while. */
    private static final Duration INSTALL_PATIENCE = Duration.ofSeconds(90);

    private static String representative;
    private static String group;
    private static Browser browser;

    @TempDir
    Path machine;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    @BeforeAll
    static void aRepresentativeWhoMayPinIntoAGroup() throws Exception {
        representative = TestSite.createRepresentative(PASSWORD);
        group = TestSite.createSharedGroup(representative, "JUMP");
        TestSite.execute(
                "UPDATE jump_group_member SET may_pin = TRUE WHERE group_id = (SELECT id FROM jump_group WHERE name = ?)",
                group);
        browser = Browser.english(TestSite.httpUrl());
        browser.logIn("console/attended.xhtml", representative, PASSWORD);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theCustomerAllowsThePinAndTheNewJumpClientIsJumpedToAfterTheSession() throws Exception {
        Path homes = HeadlessLinux.openDirectory();
        try (HeadlessLinux.Account account = HeadlessLinux.Account.createWithHome(homes)) {
            String key = generateKey();
            try (CustomerProcess customer =
                    CustomerProcess.startAsAccount(account.name(), TestSite.httpUrl(), key, machine)) {
                UUID customerId = accept(customer);

                pin(group, "pinned-tag", "front desk, pinned in a session");
                awaitPin("REQUESTED", "Waiting for the customer to allow or deny the installation…");
                customer.awaitOutput(representative + " asks to install a Jump Client on this computer", PATIENCE);
                customer.awaitOutput("Type \"y\" to allow or \"n\" to deny", PATIENCE);
                browser.screenshot("session-pin");
                customer.type("y");

                String pinned = awaitPin("PINNED", null, INSTALL_PATIENCE);
                customer.awaitOutput(
                        "The Jump Client is installed in "
                                + homes.resolve(account.name()).resolve("jumpclient"),
                        PATIENCE);
                UUID client = UUID.fromString(TestSite.text(
                        "SELECT client_id::text FROM session_pin WHERE customer_id = ?::uuid", customerId.toString()));
                String name = TestSite.text("SELECT name FROM jump_client WHERE id = ?::uuid", client.toString());
                assertThat(pinned).isEqualTo("Pinned as Jump Client " + name + " in " + group + ".");
                assertThat(TestSite.eventuallyAtLeast(
                                1,
                                "SELECT count(*) FROM jump_client c JOIN jump_group g ON g.id = c.jump_group_id"
                                        + " JOIN installer i ON i.id = c.installer_id WHERE c.id = ?::uuid AND c.state = 'ACTIVE'"
                                        + " AND g.name = ? AND c.tag = 'pinned-tag' AND c.comments = 'front desk, pinned in a session'"
                                        + " AND c.install_mode = 'USER' AND i.max_uses = 1 AND i.uses = 1",
                                client,
                                group))
                        .isEqualTo(1);
                assertThat(TestSite.count(
                                "SELECT count(*) FROM audit_event a JOIN session_pin p ON a.target = p.id::text"
                                        + " WHERE p.customer_id = ?::uuid AND a.outcome = 'SUCCESS' AND ("
                                        + "a.action = 'session-pin.request' AND a.actor = ?"
                                        + " OR a.action = 'session-pin.answer' AND a.detail = 'allowed'"
                                        + " OR a.action = 'session-pin.result' AND a.detail LIKE 'pinned as %')",
                                customerId.toString(), representative))
                        .isEqualTo(3);

                // Pinned once: a second pin is refused, and the session's terminal still works.
                pin(group, "", "");
                assertPinRefused("The support client is already pinned.");
                type(browser, "echo still-attended-$((6*7))\n");
                awaitTerminalText(browser, "still-attended-42");

                customer.type("end");
                awaitState(browser, "ended");
                assertThat(customer.awaitExit(PATIENCE)).isZero();

                // The machine is now a Jump Client: listed with its properties, and reachable unattended.
                browser.open("console/jump-clients.xhtml");
                By row = By.xpath("//tr[.//*[@data-client-id='" + client + "']]");
                browser.await(
                        "the pinned client in the Jump interface",
                        () -> !browser.driver().findElements(row).isEmpty());
                assertThat(browser.driver().findElement(row).getText())
                        .contains(name)
                        .contains("pinned-tag")
                        .contains("front desk, pinned in a session");

                browser.open("console/session.xhtml?client=" + client);
                awaitState(browser, "started");
                type(browser, "echo unattended-$((6*7)) $(id -un)\n");
                awaitTerminalText(browser, "unattended-42 " + account.name());
                browser.driver().findElement(By.id("session-end")).click();
                awaitState(browser, "ended");
            }
        } finally {
            HeadlessLinux.delete(homes);
        }
    }

    @Test
    void theCustomerDeniesASecondPinIsPendingMeanwhileResetClearsTheEntriesAndAfterTheEndNoClientIsLeft()
            throws Exception {
        String key = generateKey();
        try (CustomerProcess customer = CustomerProcess.start(TestSite.httpUrl(), key, machine, "es_ES")) {
            UUID customerId = accept(customer);

            browser.click(By.id("pin:open"));
            browser.element(By.id("pin:tag_input")).sendKeys("to be cleared");
            browser.element(By.id("pin:comments")).sendKeys("these too");
            browser.click(By.id("pin:reset"));
            browser.await(
                    "the entries cleared",
                    () -> browser.element(By.id("pin:tag_input"))
                                    .getAttribute("value")
                                    .isEmpty()
                            && browser.element(By.id("pin:comments"))
                                    .getAttribute("value")
                                    .isEmpty());
            closePanel();

            pin(group, "never", "denied by the customer");
            awaitPin("REQUESTED", "Waiting for the customer to allow or deny the installation…");
            customer.awaitOutput("¿Autoriza la instalación?", PATIENCE);

            pin(group, "", "");
            assertPinRefused("The support session already has a pending pin request.");
            assertThat(TestSite.count(
                            "SELECT count(*) FROM session_pin WHERE customer_id = ?::uuid", customerId.toString()))
                    .isEqualTo(1);

            customer.type("quizá");
            customer.awaitOutput("Escriba \"s\" para autorizar o \"n\" para rechazar", PATIENCE);
            customer.type("n");
            awaitPin("DENIED", "The customer denied the installation.");
            customer.awaitOutput("Usted rechazó la instalación. No se instaló nada.", PATIENCE);
            String pinId = TestSite.text(
                    "SELECT id::text FROM session_pin WHERE customer_id = ?::uuid", customerId.toString());
            assertThat(TestSite.count(
                            "SELECT count(*) FROM audit_event WHERE target = ? AND (action = 'session-pin.request'"
                                    + " OR action = 'session-pin.answer' AND detail = 'denied' AND actor = ?"
                                    + " OR action = 'session-pin.result' AND outcome = 'DENIED')",
                            pinId,
                            "customer:" + customerId))
                    .isEqualTo(3);
            assertThat(TestSite.count(
                            "SELECT count(*) FROM installer i JOIN session_pin p ON p.installer_id = i.id"
                                    + " WHERE p.id = ?::uuid AND i.revoked_at IS NOT NULL",
                            pinId))
                    .isEqualTo(1);

            customer.type("end");
            awaitState(browser, "ended");
            assertThat(customer.awaitExit(PATIENCE)).isZero();
            assertThat(TestSite.eventuallyAtLeast(
                            1,
                            "SELECT count(*) FROM attended_customer WHERE id = ?::uuid AND state = 'LEFT'",
                            customerId))
                    .isEqualTo(1);
            pin(group, "", "");
            assertPinRefused("No client could be found in the support conference.");
            assertThat(TestSite.count(
                            "SELECT count(*) FROM audit_event WHERE action = 'session-pin.request'"
                                    + " AND outcome = 'PIN_NO_CLIENT' AND actor = ?",
                            representative))
                    .isEqualTo(1);
        }
    }

    @Test
    void fullQuotasAndALostConnectionRefuseThePin() throws Exception {
        String key = generateKey();
        try (CustomerProcess customer = CustomerProcess.start(TestSite.httpUrl(), key, machine, "en_US")) {
            UUID customerId = accept(customer);

            long packs = TestSite.count("SELECT packs FROM site_license");
            TestSite.execute("UPDATE site_license SET packs = 0");
            try {
                pin(group, "", "");
                assertPinRefused("The total number of deployed Jump Clients for this site has been reached.");
            } finally {
                TestSite.execute("UPDATE site_license SET packs = ?", (int) packs);
            }
            long activeLimit = TestSite.count("SELECT active_limit FROM site_license");
            TestSite.execute("UPDATE site_license SET active_limit = active_count");
            try {
                pin(group, "", "");
                assertPinRefused("The total number of active Jump Clients deployed for this site has been reached.");
            } finally {
                TestSite.execute("UPDATE site_license SET active_limit = ?", (int) activeLimit);
            }
            assertThat(TestSite.count(
                            "SELECT count(*) FROM session_pin WHERE customer_id = ?::uuid", customerId.toString()))
                    .isZero();

            customer.kill();
            assertThat(TestSite.eventuallyAtLeast(
                            1,
                            "SELECT count(*) FROM attended_customer WHERE id = ?::uuid AND state = 'DISCONNECTED'"
                                    + " AND node_id IS NULL",
                            customerId))
                    .isEqualTo(1);
            pin(group, "", "");
            assertPinRefused("The client in the support conference is not online.");
            assertThat(TestSite.count(
                            "SELECT count(DISTINCT outcome) FROM audit_event WHERE action = 'session-pin.request'"
                                    + " AND actor = ? AND outcome IN ('JC_LIMIT_DEPLOYED', 'JC_LIMIT_ACTIVE',"
                                    + " 'PIN_CLIENT_OFFLINE')",
                            representative))
                    .isEqualTo(3);
        }
    }

    @Test
    void underANeverAskPolicyTheClientInstallsAtOnceAndItsFailureIsShown() throws Exception {
        TestSite.execute("UPDATE jump_group SET pin_prompt = 'NEVER' WHERE name = ?", group);
        try {
            String key = generateKey();
            try (CustomerProcess customer = CustomerProcess.start(TestSite.httpUrl(), key, machine, "en_US")) {
                UUID customerId = accept(customer);

                pin(group, "", "");
                // The customer here is root without sudo: the client refuses to install a Jump Client for root.
                String failed = awaitPin("FAILED", null);
                assertThat(failed)
                        .startsWith("The Jump Client could not be pinned: the support client runs as root")
                        .endsWith("Nothing was installed.");
                customer.awaitOutput(
                        representative + " is installing a Jump Client on this computer (the session policy does not"
                                + " ask)",
                        PATIENCE);
                customer.awaitOutput(
                        "The Jump Client could not be installed: the support client runs as root", PATIENCE);
                assertThat(customer.output()).doesNotContain("Allow the installation?");
                String pinId = TestSite.text(
                        "SELECT id::text FROM session_pin WHERE customer_id = ?::uuid", customerId.toString());
                assertThat(TestSite.count(
                                "SELECT count(*) FROM audit_event WHERE target = ? AND (action = 'session-pin.request'"
                                        + " AND detail LIKE '%customer not asked (session policy)'"
                                        + " OR action = 'session-pin.answer' AND detail LIKE 'not asked%'"
                                        + " OR action = 'session-pin.result' AND outcome = 'FAILED')",
                                pinId))
                        .isEqualTo(3);
                customer.type("end");
                assertThat(customer.awaitExit(PATIENCE)).isZero();
            }
        } finally {
            TestSite.execute("UPDATE jump_group SET pin_prompt = NULL WHERE name = ?", group);
        }
    }

    /** Makes a session key on the attended sessions page. */
    private static String generateKey() {
        browser.open("console/attended.xhtml");
        browser.click(By.id("attended:generate"));
        return browser.awaitText(By.id("session-key"), text -> text.matches("\\d{4}-\\d{4}-\\d{4}"));
    }

    /** Accepts the customer from the queue into a session; the pin button is there. */
    private static UUID accept(CustomerProcess customer) throws Exception {
        customer.awaitOutput(representative, PATIENCE);
        By accept = By.cssSelector("a.jd-accept");
        browser.await(
                "the customer in the queue",
                () -> !browser.driver().findElements(accept).isEmpty());
        UUID customerId = UUID.fromString(browser.driver().findElement(accept).getAttribute("data-customer"));
        browser.driver().findElement(accept).click();
        awaitState(browser, "started");
        assertThat(browser.element(By.id("pin:open")).getText()).isEqualTo("Pin as Jump Client");
        return customerId;
    }

    /** Opens the dropdown, chooses the group, types tag and comments, and presses Pin. */
    private static void pin(String jumpGroup, String tag, String comments) {
        browser.click(By.id("pin:open"));
        new Select(browser.element(By.id("pin:group"))).selectByVisibleText(jumpGroup);
        browser.settled();
        WebElement tagField = browser.element(By.id("pin:tag_input"));
        tagField.clear();
        tagField.sendKeys(tag);
        WebElement commentsField = browser.element(By.id("pin:comments"));
        commentsField.clear();
        commentsField.sendKeys(comments);
        browser.click(By.id("pin:submit"));
    }

    private static void closePanel() {
        browser.driver().executeScript("document.getElementById('pin:panel').hidden = true;");
    }

    private static void assertPinRefused(String text) {
        browser.textOnceContains(By.id("pin:messages"), text);
    }

    private static String awaitPin(String state, String text) {
        return awaitPin(state, text, PATIENCE);
    }

    /** Waits for the pin's progress to reach the state (the page polls it), and returns what it says. */
    private static String awaitPin(String state, String text, Duration patience) {
        String shown = new WebDriverWait(browser.driver(), patience)
                .withMessage(() -> "pin state " + state + "; the page says: "
                        + browser.driver().findElement(By.id("pin-status")).getText())
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                // State and text from one reading: the poll re-renders the element between two.
                .until(driver -> {
                    WebElement status = driver.findElement(By.id("pin-status"));
                    return state.equals(status.getAttribute("data-state")) ? status.getText() : null;
                });
        if (text != null) {
            assertThat(shown).isEqualTo(text);
        }
        return shown;
    }
}
