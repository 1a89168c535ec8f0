package org.edgeway.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.edgeway.engine.TestPorts;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium driven by Selenium, with a fresh profile that is deleted afterwards. */
public final class Browser implements AutoCloseable {

    private final Path profile;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    public Browser() throws IOException {
        profile = Files.createTempDirectory("edgeway-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1000", "--user-data-dir=" + profile);
        // the node's own self-signed certificate (a test node has no other)
        options.setAcceptInsecureCerts(true);
        // chromedriver's port from the test band: Selenium's usingAnyFreePort() draws at random from 1024-32767, where
        // it can hold a port a node is about to bind (BruteForceIT found its node's HTTP port taken, two builds running)
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).usingPort(TestPorts.port()).build();
        driver = new ChromeDriver(service, options);
        // every wait polls again when an Ajax update replaced the element it holds (set once: ignoring() adds to
        // the wait's own list)
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    public boolean exists(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    public void type(String id, String text) {
        WebElement e = find(id);
        e.clear();
        if (text != null) {
            e.sendKeys(text);
        }
    }

    /**
     * Clicks the element, found afresh if an Ajax update replaced it between finding and clicking (a click that
     * met a stale element did not happen, so it is tried again on the new one).
     */
    public void click(String id) {
        wait.until(d -> {
            WebElement e = ExpectedConditions.elementToBeClickable(By.id(id)).apply(d);
            if (e == null) {
                return false;
            }
            e.click();
            return true;
        });
    }

    public void waitForText(String id, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    public void waitForUrlContaining(String part) {
        wait.until(ExpectedConditions.urlContains(part));
    }

    /**
     * The element's text, read again from the new element if an Ajax update replaced it between finding and reading
     * (a wait polling a table that is being re-rendered met exactly that).
     */
    public String text(String id) {
        return wait.until(d -> d.findElement(By.id(id)).getText());
    }

    public String value(String id) {
        return find(id).getDomProperty("value");
    }

    /** Saves a screenshot under target/it/screenshots for a person to look at. */
    public void screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("edgeway.it.dir", "target/it")).resolve("screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var walk = Files.walk(profile)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
