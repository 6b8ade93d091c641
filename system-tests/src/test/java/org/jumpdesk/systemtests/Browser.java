package org.jumpdesk.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.jumpdesk.launcher.Directories;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through its ChromeDriver, one fresh profile per instance. The
 * packages come from {@code src/test/scripts/install-chromium.sh}, which the build runs first.
 */
final class Browser implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final URI site;
    private final Path profile;
    private final ChromeDriver driver;

    private Browser(URI site, String language, Path downloads) {
        this.site = site;
        try {
            this.profile = Files.createTempDirectory("jumpdesk-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                // The network here is closed: without these flags Chromium keeps dialling Google's hosts.
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--window-size=1400,900",
                        "--lang=" + language,
                        "--user-data-dir=" + profile)
                .setExperimentalOption(
                        "prefs",
                        downloads == null
                                ? Map.of("intl.accept_languages", language)
                                : Map.of(
                                        "intl.accept_languages",
                                        language,
                                        "download.default_directory",
                                        downloads.toString(),
                                        "download.prompt_for_download",
                                        false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** A browser whose user prefers English. */
    static Browser english(URI site) {
        return new Browser(site, "en-GB", null);
    }

    /** A browser whose user prefers English and whose downloads land in the directory. */
    static Browser english(URI site, Path downloads) {
        return new Browser(site, "en-GB", downloads);
    }

    /** A browser whose user prefers Spanish. */
    static Browser spanish(URI site) {
        return new Browser(site, "es-ES", null);
    }

    ChromeDriver driver() {
        return driver;
    }

    Browser open(String path) {
        driver.get(site.resolve(path).toString());
        return this;
    }

    /** Opens a protected page and logs in on the form it leads to. */
    Browser logIn(String path, String username, String password) {
        open(path);
        element(By.id("j_username")).sendKeys(username);
        driver.findElement(By.id("j_password")).sendKeys(password);
        return submit(driver.findElement(By.id("login-submit")));
    }

    /** Waits until the element is visible. */
    WebElement element(By locator) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /**
     * Clicks what posts the form or follows the link, and waits for the page that answers: a wait for text on
     * the page that was left could read it while it goes (Chromium then answers that the node "does not
     * belong to the document") or find the same message the last post showed.
     */
    Browser submit(WebElement button) {
        driver.executeScript("window.jumpdeskLeaving = true");
        button.click();
        new WebDriverWait(driver, PATIENCE)
                .withMessage("the page that answers the form")
                .ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(
                        driver.executeScript("return !window.jumpdeskLeaving && document.readyState === 'complete'")));
        return this;
    }

    /** Waits until the element's text contains the given text, and returns the whole text. */
    String textOnceContains(By locator, String expected) {
        new WebDriverWait(driver, PATIENCE)
                .until(ExpectedConditions.textToBePresentInElementLocated(locator, expected));
        return driver.findElement(locator).getText();
    }

    /** Waits until no PrimeFaces request is pending or queued. */
    Browser settled() {
        new WebDriverWait(driver, PATIENCE)
                .until(d -> Boolean.TRUE.equals(driver.executeScript(
                        "return document.readyState === 'complete' && (!window.jQuery || jQuery.active === 0)"
                                + " && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty());")));
        return this;
    }

    /** Clicks the element once it can be clicked, and waits for the request it starts. */
    Browser click(By locator) {
        new WebDriverWait(driver, PATIENCE)
                .until(ExpectedConditions.elementToBeClickable(locator))
                .click();
        return settled();
    }

    /** Waits until the element's text satisfies the condition, and returns it. */
    String awaitText(By locator, java.util.function.Predicate<String> condition) {
        new WebDriverWait(driver, PATIENCE)
                .until(d -> condition.test(d.findElement(locator).getText()));
        return driver.findElement(locator).getText();
    }

    /** Waits until the condition holds, for as long as a page may take. */
    void await(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, PATIENCE)
                .withMessage(what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }

    /**
     * Saves what the browser shows as {@code docs/screenshots/<name>.png}, the pictures the README links,
     * so they always show the pages as the tests last saw them.
     */
    void screenshot(String name) {
        Path directory = Path.of(System.getProperty("jumpdesk.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(directory);
            Path taken = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.move(taken, directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
            Directories.deleteRecursively(profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
