package dev.lore.server.browser;

import com.deque.html.axecore.selenium.AxeBuilder;
import dev.lore.server.support.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium pointed at one Lore, with the few moves tests make: open a page, fill and
 * submit forms, wait, switch between desktop and phone widths or light and dark, take screenshots
 * and run axe-core. Not thread-safe: one test drives it at a time.
 */
public final class Browser implements AutoCloseable {
    public static final int DESKTOP_WIDTH = 1280;
    public static final int DESKTOP_HEIGHT = 900;
    public static final int PHONE_WIDTH = 375;
    public static final int PHONE_HEIGHT = 812;
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final Set<String> SERIOUS = Set.of("serious", "critical");

    private final ChromeDriver driver;
    private final URI base;
    private final Path profile;
    private final Path screenshots;
    private final Http http;

    private Browser(ChromeDriver driver, URI base, Path profile, Path screenshots) {
        this.driver = driver;
        this.base = base;
        this.http = Http.at(base);
        this.profile = profile;
        this.screenshots = screenshots;
    }

    /** Starts Chromium with a fresh profile; the driver is the system one, never a download. */
    static Browser start(URI base, Path screenshots) {
        try {
            Path profile = Files.createTempDirectory("lore-chromium-");
            var options = new ChromeOptions();
            options.setBinary(Chromium.binary().toFile());
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--hide-scrollbars",
                    "--user-data-dir=" + profile,
                    "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT,
                    "--lang=en-US");
            var logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.SEVERE);
            options.setCapability("goog:loggingPrefs", logs);
            var service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Chromium.driver().toFile())
                    .usingAnyFreePort()
                    .withSilent(true)
                    .build();
            var driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(dev.lore.server.support.Http.PATIENCE);
            driver.manage().timeouts().scriptTimeout(dev.lore.server.support.Http.PATIENCE);
            Files.createDirectories(screenshots);
            return new Browser(driver, base, profile, screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public URI base() {
        return base;
    }

    /** Forgets cookies and emulation, and leaves the page, so each test starts as a new visitor. */
    void reset() {
        driver.get("about:blank");
        cdp("Network.enable", Map.of());
        cdp("Network.clearBrowserCookies", Map.of());
        // A headless window on a busy machine may not hold focus yet when a page loads, and keys
        // sent then go nowhere; emulated focus makes the page focused as a person's window is.
        cdp("Emulation.setFocusEmulationEnabled", Map.of("enabled", true));
        javaScript(true);
        darkMode(false);
        desktop();
    }

    public Browser open(String path) {
        driver.get(base.resolve(path).toString());
        return this;
    }

    /**
     * Presses Tab as a keyboard user does from the top of the page, once the page holds focus,
     * and returns the element that has focus afterwards.
     */
    public WebElement pressTab() {
        waitUntil(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return document.hasFocus()"));
        new Actions(driver).sendKeys(Keys.TAB).perform();
        return waitUntil(d -> {
            WebElement active = d.switchTo().activeElement();
            return "body".equalsIgnoreCase(active.getTagName()) ? null : active;
        });
    }

    /** The path and query of the current page, e.g. {@code /wiki/laptop-setup}. */
    public String path() {
        URI current = URI.create(driver.getCurrentUrl());
        return current.getRawPath() + (current.getRawQuery() == null ? "" : "?" + current.getRawQuery());
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public WebElement link(String text) {
        return driver.findElement(By.linkText(text));
    }

    public WebElement waitFor(String css) {
        return new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition::apply);
    }

    /** The text of the page's main heading. */
    public String heading() {
        return find("h1").getText();
    }

    public String text() {
        return find("body").getText();
    }

    /** Replaces the value of a field by typing, as a person would. */
    public Browser fill(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Clicks something that loads a new page and waits until it has. */
    public Browser clickAndWait(WebElement element) {
        WebElement html = find("html");
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
        waitUntil(d -> isGone(html));
        waitUntil(d -> "complete".equals(driver.executeScript("return document.readyState")));
        return this;
    }

    /**
     * Whether the page that held {@code element} has been replaced. Mid-navigation Chromium may
     * answer "Node with given id does not belong to the document" instead of a stale-element
     * error; both mean the old document is gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /**
     * Signs in through the sign-in form's own request (sent by the test's HTTP client, which fails
     * unless Lore answers with the signed-in redirect) and gives Chromium the session cookie and CSRF
     * cookie Lore set, as the form would have; the page stays where it was. Two page loads fewer per
     * sign-in than filling in the form: the form itself is driven by the journeys that test signing
     * in ({@code BrowserJourneysIT.peopleSignInAndOut}) and checked by axe as the login page.
     */
    public Browser signIn(String username, String password) {
        String cookies = http.browserSession(username, password);
        for (String cookie : cookies.split("; ")) {
            int eq = cookie.indexOf('=');
            String name = cookie.substring(0, eq);
            cdp(
                    "Network.setCookie",
                    Map.of(
                            "name",
                            name,
                            "value",
                            cookie.substring(eq + 1),
                            "url",
                            base.toString(),
                            "httpOnly",
                            true,
                            "sameSite",
                            name.equals("lore_session") ? "Lax" : "Strict"));
        }
        return this;
    }

    public Browser signOut() {
        // the header's and the phone menu's: whichever shows at this width
        return clickAndWait(driver.findElements(By.xpath("//button[normalize-space()='Sign out']")).stream()
                .filter(b -> b.isDisplayed())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Sign out button shows")));
    }

    /** The viewport of a laptop: 1280 CSS pixels wide. */
    public Browser desktop() {
        cdp(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", DESKTOP_WIDTH, "height", DESKTOP_HEIGHT, "deviceScaleFactor", 1, "mobile", false));
        return this;
    }

    /** The viewport of a small phone: 375 CSS pixels wide, at twice the pixel density. */
    public Browser phone() {
        cdp(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT, "deviceScaleFactor", 2, "mobile", true));
        return this;
    }

    /** Emulates {@code prefers-color-scheme: dark} (or light). */
    public Browser darkMode(boolean dark) {
        cdp(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
        return this;
    }

    /** Turns the page's own scripts off (as for a person without JavaScript) or back on. */
    public Browser javaScript(boolean enabled) {
        cdp("Emulation.setScriptExecutionDisabled", Map.of("value", !enabled));
        return this;
    }

    /** Whether the page is wider than the viewport, so a person would have to scroll sideways. */
    public boolean scrollsSideways() {
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
        return Boolean.TRUE.equals(overflow);
    }

    /** Saves what the viewport shows as {@code target/screenshots/NAME.png}. */
    public Path screenshot(String name) {
        try {
            Path file = screenshots.resolve(name + ".png");
            byte[] png;
            try {
                png = driver.getScreenshotAs(OutputType.BYTES);
            } catch (org.openqa.selenium.TimeoutException e) {
                // Chromium drops a capture that overlaps the page's own late work ("aborted by
                // navigation"); the picture is an artifact, not what the test checks: take it again
                png = driver.getScreenshotAs(OutputType.BYTES);
            }
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serious and critical axe-core violations on the current page, one line each; empty is good. */
    public List<String> accessibilityProblems() {
        return accessibilityProblems(List.of());
    }

    /**
     * As {@link #accessibilityProblems()}, running only {@code rules} (all when empty): a page seen
     * again in dark mode has changed colours only. Axe runs in the page itself: Lore's pages have no
     * frames. It is injected once per page (a page checked in light mode, then dark, then at phone
     * width keeps it), and only violations come back, already reduced to one line each: returning
     * axe's passes and incomplete results through WebDriver cost more than the checks themselves.
     */
    public List<String> accessibilityProblems(List<String> rules) {
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object'"))) {
            driver.executeScript(AXE_SOURCE);
        }
        Object answer = driver.executeAsyncScript(AXE_RUN, rules, List.copyOf(SERIOUS));
        if (answer instanceof String error) {
            throw new AssertionError("axe-core failed on " + path() + ": " + error);
        }
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) answer;
        return problems;
    }

    /** axe-core's own build, as shipped in the axe-core Selenium jar. */
    private static final String AXE_SOURCE = axeSource();

    /**
     * Runs axe with its default rules (or only {@code arguments[0]}) and answers the violations of
     * the impacts in {@code arguments[1]}, one line each, as {@link #describe} used to; or an error
     * message.
     */
    private static final String AXE_RUN = """
            const done = arguments[arguments.length - 1];
            const rules = arguments[0], impacts = arguments[1];
            const options = {resultTypes: ['violations']};
            if (rules.length) options.runOnly = {type: 'rule', values: rules};
            axe.run(document, options).then(results => done(results.violations
                .filter(rule => impacts.includes(rule.impact))
                .map(rule => rule.impact + ' ' + rule.id + ': ' + rule.help + ' at ' + rule.nodes
                    .slice(0, 4)
                    .map(n => JSON.stringify(n.target) + ' (' + String(n.failureSummary).split(String.fromCharCode(10)).join(' ') + ')')
                    .join('; ')))
            ).catch(e => done(String(e && e.stack || e)));
            """;

    private static String axeSource() {
        try (var in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) throw new IllegalStateException("axe.min.js is not on the class path");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Errors the page logged (scripts, CSP), leaving out the status of the page itself. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> !m.contains("the server responded with a status of"))
                .toList();
    }

    private void cdp(String command, Map<String, Object> params) {
        driver.executeCdpCommand(command, params);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A leftover temp profile is harmless.
            }
        }
    }
}
