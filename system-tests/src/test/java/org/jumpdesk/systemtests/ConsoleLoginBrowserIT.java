package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** Logging in to the console in a real browser, in both languages the product speaks. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleLoginBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    @Test
    void aRepresentativeLogsInAndSeesTheJumpInterface() throws Exception {
        String username = TestSite.createRepresentative("correct horse battery");
        try (Browser browser = Browser.english(TestSite.httpUrl())) {
            browser.open("console/jump-clients.xhtml");
            browser.element(By.id("login"));
            browser.screenshot("login");

            browser.logIn("console/jump-clients.xhtml", username, "correct horse battery");

            assertThat(browser.textOnceContains(By.id("signed-in-as"), username))
                    .isEqualTo(username);
            assertThat(browser.element(By.tagName("h1")).getText()).isEqualTo("Jump Clients");

            browser.element(By.id("session:logout")).click();
            browser.element(By.id("login"));
            browser.open("console/jump-clients.xhtml");
            assertThat(browser.element(By.id("login")).isDisplayed())
                    .as("after signing out the console asks for a login again")
                    .isTrue();
        }
    }

    @Test
    void aWrongPasswordIsRefusedInTheBrowsersLanguage() throws Exception {
        String username = TestSite.createRepresentative("correct horse battery");
        try (Browser browser = Browser.spanish(TestSite.httpUrl())) {
            browser.logIn("console/jump-clients.xhtml", username, "wrong horse");

            assertThat(browser.element(By.id("login-failed")).getText())
                    .isEqualTo("El usuario o la contraseña no son correctos.");
            assertThat(browser.driver().findElements(By.id("signed-in-as"))).isEmpty();
        }
    }
}
