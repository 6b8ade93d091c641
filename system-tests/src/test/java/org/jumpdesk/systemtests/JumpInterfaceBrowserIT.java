package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Jump interface in a real browser over clients written into the database in exact states: groups and
 * tags, search by every field and by typed filters, statistics, Properties for two clients at once,
 * Delete, Jump, the catalogue errors when another console got there first, and what a user may not see.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JumpInterfaceBrowserIT {

    static final String PAGE = "console/jump-clients.xhtml";
    static final String PASSWORD = "correct horse battery";
    static final By ROWS = By.cssSelector("#console\\:clients_data tr[data-rk]");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    private String user;
    private String shared;
    private String token;

    @BeforeEach
    void aRepresentativeWithASharedGroup() throws Exception {
        user = TestSite.createRepresentative(PASSWORD);
        shared = TestSite.createSharedGroup(user, "MANAGE");
        token = UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void groupsTagsAndStatisticsOfTheSelectedClient() throws Exception {
        TestSite.insertClient(TestSite.Client.in(shared, "web-" + token).tag("frontend"));
        TestSite.insertClient(TestSite.Client.in(shared, "db-" + token)
                .tag("databases")
                .comments("primary database")
                .machine("maria", "203.0.113.7", "10.0.0.7,10.1.0.7"));
        TestSite.insertClient(TestSite.Client.in("user:" + user, "laptop-" + token));

        try (Browser browser = Browser.english(TestSite.httpUrl())) {
            browser.logIn(PAGE, user, PASSWORD).settled();

            assertThat(groupLabels(browser)).contains("All Jump Groups", "user:" + user, shared);
            assertThat(names(browser)).containsExactlyInAnyOrder("db-" + token, "laptop-" + token, "web-" + token);

            browser.click(
                    By.xpath("//li[.//span[@data-group='" + shared + "']]//span[contains(@class,'ui-tree-toggler')]"));
            assertThat(browser.driver().findElements(By.cssSelector("[data-tag]")).stream()
                            .map(WebElement::getText))
                    .containsExactly("databases", "frontend");
            browser.click(By.cssSelector("[data-tag='databases']"));
            browser.await("only the tagged client", () -> names(browser).equals(List.of("db-" + token)));

            browser.click(By.cssSelector("#console\\:clients_data tr[data-rk] td:nth-child(2)"));
            WebElement statistics = browser.element(By.id("statistics-name"));
            assertThat(statistics.getText()).isEqualTo("db-" + token);
            assertThat(text(browser, "statistics-console-user")).isEqualTo("maria");
            assertThat(text(browser, "statistics-private-ip")).isEqualTo("10.0.0.7,10.1.0.7");
            assertThat(text(browser, "statistics-public-ip")).isEqualTo("203.0.113.7");
            assertThat(text(browser, "statistics-comments")).isEqualTo("primary database");
            assertThat(text(browser, "statistics-modes")).isEqualTo("Active · Service");
            assertThat(text(browser, "statistics-removal")).endsWith("UTC");
            browser.screenshot("jump-interface");
        }
    }

    @Test
    void searchesEachChosenFieldAndTypedFilters() throws Exception {
        TestSite.insertClient(TestSite.Client.in(shared, "alpha-" + token)
                .tag("servers")
                .comments("rack 7 north")
                .machine("carol", "198.51.100.20", "10.0.5.1")
                .lastJumpedAt(Instant.parse("2024-03-05T10:00:00Z")));
        TestSite.insertClient(TestSite.Client.in(shared, "beta-" + token)
                .state("PASSIVE")
                .tag("desktops")
                .comments("kiosk")
                .machine("dave", "198.51.100.30", "192.168.9.9"));
        TestSite.insertClient(TestSite.Client.in("user:" + user, "gamma-" + token)
                .state("UNINSTALLED")
                .tag("servers")
                .machine(null, "198.51.100.40", "10.0.6.2"));
        String alpha = "alpha-" + token;
        String beta = "beta-" + token;
        String gamma = "gamma-" + token;

        try (Browser browser = Browser.english(TestSite.httpUrl())) {
            browser.logIn(PAGE, user, PASSWORD).settled();

            assertThat(searchIn(browser, "COMMENTS", "rack")).containsExactly(alpha);
            assertThat(searchIn(browser, "CONSOLE_USER", "carol")).containsExactly(alpha);
            assertThat(searchIn(browser, "GROUP", "user:")).containsExactly(gamma);
            assertThat(searchIn(browser, "JUMP_METHOD", "passive")).containsExactly(beta);
            assertThat(searchIn(browser, "LAST_ACCESSED", "2024-03-05")).containsExactly(alpha);
            assertThat(searchIn(browser, "NAME", "beta")).containsExactly(beta);
            assertThat(searchIn(browser, "PRIVATE_IP", "10.0.6")).containsExactly(gamma);
            assertThat(searchIn(browser, "PUBLIC_IP", "100.30")).containsExactly(beta);
            assertThat(searchIn(browser, "STATUS", "uninstalled")).containsExactly(gamma);
            assertThat(searchIn(browser, "TAG", "desktops")).containsExactly(beta);
            assertThat(searchIn(browser, "NAME", "rack"))
                    .as("comments are not searched now")
                    .isEmpty();

            assertThat(search(browser, "tag:servers status:uninstalled ip:10.0.*"))
                    .containsExactly(gamma);
            assertThat(search(browser, "tag:servers ip:10.0.*")).containsExactly(alpha, gamma);
            assertThat(search(browser, "status:offline")).containsExactly(alpha);

            WebElement box = browser.element(By.id("console:search-text"));
            box.clear();
            box.sendKeys("status:uninstalled", Keys.ENTER);
            box.clear();
            box.sendKeys("tag:desktops", Keys.ENTER);
            assertThat(names(browser))
                    .as("the search typed while the one before still ran")
                    .containsExactly(beta);

            assertThat(search(browser, "")).containsExactly(alpha, beta, gamma);
        }
    }

    @Test
    void propertiesOfTwoClientsAtOnceChangeWhatWasChangedAndKeepTheRest() throws Exception {
        UUID one = TestSite.insertClient(
                TestSite.Client.in(shared, "one-" + token).tag("old").comments("first"));
        UUID two = TestSite.insertClient(
                TestSite.Client.in(shared, "two-" + token).tag("old").comments("second"));

        try (Browser browser = Browser.english(TestSite.httpUrl())) {
            browser.logIn(PAGE, user, PASSWORD).settled();
            select(browser, one);
            select(browser, two);
            browser.click(By.id("console:properties"));
            WebElement tag = browser.element(By.id("propertiesForm:tag"));
            assertThat(tag.getDomProperty("value")).isEqualTo("old");
            assertThat(browser.driver()
                            .findElement(By.id("propertiesForm:comments"))
                            .getDomProperty("value"))
                    .as("the two clients' comments differ")
                    .isEmpty();
            tag.clear();
            tag.sendKeys("scratch");
            browser.click(By.id("propertiesForm:reset"));
            assertThat(browser.element(By.id("propertiesForm:tag")).getDomProperty("value"))
                    .as("Reset")
                    .isEqualTo("old");
            browser.element(By.id("propertiesForm:tag")).clear();
            browser.element(By.id("propertiesForm:tag")).sendKeys("edited-" + token);
            browser.screenshot("properties");
            browser.click(By.id("propertiesForm:save"));

            assertThat(browser.textOnceContains(By.id("console:messages"), "saved"))
                    .contains("Properties of 2 Jump Clients saved.");
            assertThat(TestSite.count(
                            "SELECT count(*) FROM jump_client WHERE tag = ? AND ((id = ? AND comments = 'first')"
                                    + " OR (id = ? AND comments = 'second'))",
                            "edited-" + token,
                            one,
                            two))
                    .isEqualTo(2);
            browser.await(
                    "the table shows the new tag",
                    () -> browser.driver()
                                    .findElements(By.xpath("//td[text()='edited-" + token + "']"))
                                    .size()
                            == 2);
        }
    }

    @Test
    void catalogueErrorsWhenAnotherConsoleOrTheMachineGotThereFirst() throws Exception {
        UUID deleted = TestSite.insertClient(TestSite.Client.in(shared, "deleted-" + token));
        UUID uninstalled = TestSite.insertClient(TestSite.Client.in(shared, "uninstalled-" + token));
        UUID passive = TestSite.insertClient(
                TestSite.Client.in(shared, "passive-" + token).state("PASSIVE"));
        UUID offline = TestSite.insertClient(TestSite.Client.in(shared, "offline-" + token));

        try (Browser browser = Browser.english(TestSite.httpUrl())) {
            browser.logIn(PAGE, user, PASSWORD).settled();

            select(browser, deleted);
            TestSite.removeBehindTheConsolesBack(deleted);
            browser.click(By.id("console:properties"));
            assertThat(message(browser)).contains("deleted-" + token + ": The Jump Client does not exist.");
            unselect(browser, deleted);

            select(browser, uninstalled);
            browser.click(By.id("console:properties"));
            browser.element(By.id("propertiesForm:tag"));
            TestSite.execute(
                    "UPDATE site_license SET deployed_count = deployed_count - 1, active_count = active_count - 1");
            TestSite.execute(
                    "UPDATE jump_client SET state = 'UNINSTALLED', uninstalled_at = now() WHERE id = ?", uninstalled);
            browser.click(By.id("propertiesForm:save"));
            assertThat(message(browser))
                    .contains("uninstalled-" + token + ": The specified Jump Client has been uninstalled.");
            unselect(browser, uninstalled);

            select(browser, passive);
            browser.click(By.id("console:properties"));
            browser.click(By.cssSelector("label[for='propertiesForm:mode:0']"));
            TestSite.execute("UPDATE site_license SET active_limit = active_count");
            try {
                browser.click(By.id("propertiesForm:save"));
                assertThat(message(browser))
                        .contains("passive-" + token + ": The number of active Jump Clients has been reached.");
            } finally {
                TestSite.execute("UPDATE site_license SET active_limit = active_count + 100");
            }
            unselect(browser, passive);

            doubleClick(browser, offline);
            assertThat(message(browser)).contains("offline-" + token + ": The Jump Client is offline.");
            assertThat(TestSite.eventuallyAtLeast(
                            1,
                            "SELECT count(*) FROM audit_event WHERE action = 'jump-client.jump'"
                                    + " AND outcome = 'JC_OFFLINE' AND target = ?",
                            offline.toString()))
                    .as("the console's own refusal is audited")
                    .isEqualTo(1);
            doubleClick(browser, uninstalled);
            assertThat(message(browser))
                    .contains("uninstalled-" + token + ": The specified Jump Client has been uninstalled.");
            doubleClick(browser, passive);
            // A passive client without its agent: the session page waits for its next check-in.
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(driver -> "waiting"
                    .equals(driver.findElement(By.id("session")).getAttribute("data-state")));
            assertThat(browser.driver().getCurrentUrl()).contains("console/session.xhtml?client=");
        }
    }

    @Test
    void deletingSeveralAtOnceRemovesThemFromTheTable() throws Exception {
        UUID one = TestSite.insertClient(TestSite.Client.in(shared, "one-" + token));
        UUID two = TestSite.insertClient(TestSite.Client.in(shared, "two-" + token));
        TestSite.insertClient(TestSite.Client.in(shared, "three-" + token));

        try (Browser browser = Browser.english(TestSite.httpUrl())) {
            browser.logIn(PAGE, user, PASSWORD).settled();
            select(browser, one);
            select(browser, two);
            browser.click(By.id("console:delete"));
            browser.click(By.id("console:delete-yes"));

            assertThat(message(browser)).contains("2 Jump Clients deleted.");
            browser.await("two rows gone", () -> names(browser).equals(List.of("three-" + token)));
            assertThat(TestSite.count(
                            "SELECT count(*) FROM jump_client WHERE id IN (?, ?) AND deleted_by = ?", one, two, user))
                    .isEqualTo(2);
        }
    }

    @Test
    void theSpanishInterfaceSpeaksTheGuidesWordsAndTheSwitchChangesLanguage() throws Exception {
        TestSite.insertClient(TestSite.Client.in(shared, "servidor-" + token).tag("oficina"));
        UUID nobody = UUID.randomUUID();

        try (Browser browser = Browser.spanish(TestSite.httpUrl())) {
            browser.logIn(PAGE + "?client=" + nobody, user, PASSWORD).settled();

            assertThat(message(browser)).contains(nobody + ": El Jump Client no existe.");
            assertThat(browser.element(By.id("console:refresh")).getText()).isEqualTo("Actualizar");
            assertThat(browser.element(By.id("groups-title")).getText()).isEqualToIgnoringCase("Grupos de Jump");
            assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang"))
                    .isEqualTo("es");
            browser.screenshot("jump-interface-es");

            browser.click(By.cssSelector("#language [data-language='en']"));
            assertThat(browser.element(By.id("console:refresh")).getText()).isEqualTo("Refresh");
            browser.open(PAGE).settled();
            assertThat(browser.element(By.id("groups-title")).getText())
                    .as("the choice is kept for the session")
                    .isEqualToIgnoringCase("Jump Groups");
        }
    }

    @Test
    void whatAUserMayNotSeeIsAbsentAndRefusedWhenAskedForDirectly() throws Exception {
        String other = TestSite.createRepresentative(PASSWORD);
        String hidden = TestSite.createSharedGroup(other, "MANAGE");
        UUID othersClient = TestSite.insertClient(TestSite.Client.in("user:" + other, "secret-" + token));
        UUID hiddenClient = TestSite.insertClient(TestSite.Client.in(hidden, "vault-" + token));
        String mate = TestSite.createRepresentative(PASSWORD);
        TestSite.insertClient(TestSite.Client.in("user:" + mate, "mates-" + token));
        TestSite.shareTeam(user, mate);
        TestSite.insertClient(TestSite.Client.in(shared, "mine-" + token));

        try (Browser browser = Browser.english(TestSite.httpUrl())) {
            browser.logIn(PAGE, user, PASSWORD).settled();

            assertThat(names(browser)).containsExactly("mates-" + token, "mine-" + token);
            assertThat(groupLabels(browser)).doesNotContain(hidden, "user:" + other, "user:" + mate);
            assertThat(browser.driver().getPageSource()).doesNotContain("secret-" + token, "vault-" + token);
            browser.click(By.cssSelector("[data-member='" + mate + "']"));
            browser.await("the team mate's clients", () -> names(browser).equals(List.of("mates-" + token)));

            browser.open(PAGE + "?client=" + othersClient).settled();
            assertThat(message(browser)).contains(othersClient + ": The Jump Client does not exist.");
            assertThat(browser.driver().getPageSource()).doesNotContain("secret-" + token);

            browser.driver()
                    .executeScript(
                            "document.getElementById('console:clients_selection').value = arguments[0];",
                            hiddenClient.toString());
            browser.click(By.id("console:properties"));
            assertThat(browser.driver().getPageSource()).doesNotContain("vault-" + token);
            assertThat(browser.driver()
                            .findElements(By.cssSelector("#propertiesForm\\:properties-dialog[aria-hidden='false']")))
                    .as("no Properties dialog for a client the user cannot see")
                    .isEmpty();
        }
    }

    /** Chooses one field with the magnifier, searches for the word, and returns the names found. */
    static List<String> searchIn(Browser browser, String field, String word) {
        browser.click(By.id("console:fields-toggle"));
        List<WebElement> boxes = browser.driver().findElements(By.cssSelector("input[id^='console:fields:']"));
        for (WebElement box : boxes) {
            if (box.isSelected() != box.getDomAttribute("value").equals(field)) {
                browser.driver()
                        .findElement(By.cssSelector("label[for='" + box.getDomAttribute("id") + "']"))
                        .click();
            }
        }
        browser.driver().findElement(By.id("console:search-text")).sendKeys(Keys.ESCAPE);
        return search(browser, word);
    }

    /** Types the text into the search box and presses Enter. */
    static List<String> search(Browser browser, String text) {
        WebElement box = browser.element(By.id("console:search-text"));
        box.clear();
        browser.driver()
                .executeScript("document.getElementById('console:clients_data').setAttribute('data-stale', 'true')");
        box.sendKeys(text, Keys.ENTER);
        browser.await("the table shows the new search", () -> browser.driver()
                .findElements(By.cssSelector("#console\\:clients_data[data-stale]"))
                .isEmpty());
        return names(browser);
    }

    static void select(Browser browser, UUID client) {
        browser.click(By.cssSelector("tr[data-rk='" + client + "'] .ui-chkbox-box"));
    }

    static void unselect(Browser browser, UUID client) {
        select(browser, client);
    }

    static void doubleClick(Browser browser, UUID client) {
        WebElement name = browser.element(By.cssSelector("[data-client-id='" + client + "']"));
        new Actions(browser.driver()).doubleClick(name).perform();
        browser.settled();
    }

    static String message(Browser browser) {
        return browser.settled().element(By.id("console:messages")).getText();
    }

    static List<String> groupLabels(Browser browser) {
        return browser.driver().findElements(By.cssSelector(".jd-group")).stream()
                .map(WebElement::getText)
                .toList();
    }

    static List<String> names(Browser browser) {
        browser.settled();
        return browser.driver().findElements(By.cssSelector("#console\\:clients_data .jump-client-name")).stream()
                .map(WebElement::getText)
                .sorted()
                .toList();
    }

    static String text(Browser browser, String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }
}
