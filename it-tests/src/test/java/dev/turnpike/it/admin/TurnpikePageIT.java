package dev.turnpike.it.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.it.AdminLogin;
import dev.turnpike.it.ItConfig;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Turnpike's page ({@code /turnpike/}) in real headless Chromium against the EAR on WildFly:
 * it loads without console errors and lists the configured rules and backends, its switch turns a
 * named rule off and on for real requests, its form explains a request with the deciding rule
 * highlighted, and the API's errors show in the page. It saves a screenshot of the whole page in
 * {@code target/screenshots/turnpike-page.png}.
 *
 * <p>The browser is Debian's {@code chromium} driven through Debian's {@code chromium-driver},
 * both given by path, so Selenium never looks for or downloads a browser or driver. Without them
 * the suite fails, or skips when {@code -Dturnpike.it.require-browser=false}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TurnpikePageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(15);

    /** Rules of this suite; {@code %d} is the server's HTTP port, the backend of the HTTP proxy. */
    private static final String CONFIG = """
            <resin xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin">
              <cluster id="page-it">
                <server id="one" address="127.0.0.1" port="1"/>
                <server id="two" address="127.0.0.1" port="2"/>
              </cluster>
              <web-app id="/">
                <resin:Redirect regexp="^/page-it/old/(.*)$" target="/page-it/new/$1"/>
                <resin:LoadBalance regexp="^/page-it/lb/" cluster="page-it"/>
                <resin:HttpProxy regexp="^/page-it/proxied(/.*)$" target="/page-it/back$1" addresses="127.0.0.1:%d"/>
                <resin:Forbidden regexp="^/page-it/guarded">
                  <resin:IfHeader name="X-Block" regexp="^yes$"/>
                </resin:Forbidden>
                <rewrite-dispatch>
                  <forbidden regexp="^/page-it/closed" name="closed"/>
                </rewrite-dispatch>
              </web-app>
            </resin>
            """;

    private static ChromeDriver browser;
    private static Path profile;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItConfig.ear();
    }

    @BeforeEach
    void rulesOfThisSuiteAndABrowser() throws Exception {
        requireBrowser();
        ItConfig.write(CONFIG.formatted(base.getPort()));
        HttpResponse<String> reloaded = send("POST", "/turnpike/api/reload", AdminLogin.ADMIN, csrfToken());
        assertEquals(200, reloaded.statusCode(), reloaded.body());
        if (browser == null) {
            browser = startBrowser();
        }
    }

    @AfterAll
    static void restore() throws IOException {
        try {
            ItConfig.restore();
        } finally {
            if (browser != null) {
                browser.quit();
                browser = null;
            }
            deleteProfile();
        }
    }

    @Test
    void thePageLoadsWithoutConsoleErrorsAndListsTheRulesAndBackends() throws Exception {
        open("");
        WebElement closed = waitFor(By.cssSelector("#rules tr[data-name='closed']"));
        assertEquals(List.of("resin:Redirect", "resin:LoadBalance", "resin:HttpProxy", "resin:Forbidden",
                "rewrite-dispatch", "forbidden"), texts(By.cssSelector("#rules tbody td:nth-child(4)")));
        assertEquals("5.1", closed.findElement(By.cssSelector("td.order")).getText());
        assertTrue(closed.getText().contains("turnpike-it.xml:14:"), closed.getText());
        assertTrue(browser.findElement(By.cssSelector("input[data-rule='closed']")).isSelected(), "closed is on");
        assertTrue(browser.findElement(By.id("configuration")).getText().contains("turnpike-it.xml"),
                browser.findElement(By.id("configuration")).getText());
        assertTrue(browser.findElement(By.id("errors")).getText().startsWith("The last load succeeded"),
                browser.findElement(By.id("errors")).getText());

        waitFor(By.cssSelector("#backends tr[data-cluster='page-it'][data-server='two']"));
        List<String> servers = texts(By.cssSelector("#backends tr[data-cluster='page-it']"));
        assertEquals(2, servers.size(), servers.toString());
        assertTrue(servers.get(0).startsWith("page-it one "), servers.toString());
        assertTrue(servers.get(1).startsWith("page-it two "), servers.toString());
        assertEquals(2, browser.findElements(By.cssSelector("#backends tr[data-cluster='page-it'] svg.sparkline"))
                .size(), "each server has its rate chart");
        assertNoConsoleErrors();
    }

    @Test
    void switchingANamedRuleOffInThePageChangesRealRequests() throws Exception {
        assertEquals(403, get("/page-it/closed").statusCode(), "the rule forbids");
        open("");
        By closedSwitch = By.cssSelector("input[data-rule='closed']");
        waitFor(closedSwitch).click();
        waitUntil(() -> !browser.findElement(closedSwitch).isSelected()
                && browser.findElement(closedSwitch).isEnabled()
                && closedRowIsOff());
        assertEquals(404, get("/page-it/closed").statusCode(), "switched off, the request reaches the application");
        assertEquals("1", browser.findElement(By.cssSelector("#rules tr[data-name='closed'] td.number")).getText(),
                "the one request it forbade");

        browser.findElement(closedSwitch).click();
        waitUntil(() -> browser.findElement(closedSwitch).isSelected() && browser.findElement(closedSwitch).isEnabled()
                && !closedRowIsOff());
        assertEquals(403, get("/page-it/closed").statusCode(), "switched on again, the rule forbids");
        assertEquals("true", browser.findElement(By.id("messages")).getDomProperty("hidden"),
                "no message: " + browser.findElement(By.id("messages")).getText());
        assertNoConsoleErrors();
    }

    @Test
    void theFormExplainsARequestWithTheDecidingRuleHighlighted() throws Exception {
        open("");
        explain("/page-it/old/a/b", "");
        String decision = waitFor(By.id("decision")).getText();
        assertTrue(decision.contains("redirect 302"), decision);
        assertTrue(decision.contains("/page-it/new/a/b"), decision);
        WebElement deciding = browser.findElement(By.cssSelector("#explanation tr.deciding"));
        assertTrue(deciding.getText().contains("deciding rule"), deciding.getText());
        assertTrue(deciding.getText().contains("turnpike-it.xml:7:"), deciding.getText());
        assertTrue(deciding.getText().contains("/page-it/old/a/b\na/b"), "the groups: " + deciding.getText());
        assertEquals("rgba(255, 244, 194, 1)", deciding.getCssValue("background-color"), "highlighted");
        assertEquals(1, browser.findElements(By.cssSelector("#explanation tr.deciding")).size());

        explain("/page-it/closed", "");
        waitUntil(() -> browser.findElement(By.id("decision")).getText().contains("send-error 403"));
        String named = browser.findElement(By.cssSelector("#explanation tr.deciding .step-name")).getText();
        assertEquals("closed", named);

        explain("/page-it/guarded", "X-Block: yes\nAccept: text/html");
        waitUntil(() -> browser.findElement(By.cssSelector("#explanation tr.deciding")).getText()
                .contains("/page-it/guarded"));
        String condition = browser.findElement(By.cssSelector("#explanation tr.deciding ul.conditions")).getText();
        assertTrue(condition.contains("X-Block") && condition.endsWith("passed"), condition);
        assertNoConsoleErrors();
    }

    @Test
    void theApiErrorsShowInThePage() throws Exception {
        open("");
        explain("", "");
        WebElement error = waitFor(By.cssSelector("#explanation .message.error"));
        assertTrue(error.getText().startsWith("POST api/explain: 400 "), error.getText());
        assertTrue(error.getText().contains("url: must not be blank"), error.getText());

        explain("/x", "not a header line");
        waitUntil(() -> browser.findElement(By.cssSelector("#explanation .message.error")).getText()
                .contains("headers, line 1: \"not a header line\" is not Name: value"));

        List<LogEntry> severe = severeEntries();
        assertEquals(1, severe.size(), severe.toString());
        assertTrue(severe.get(0).getMessage().contains("the server responded with a status of 400"),
                "only the refused explain: " + severe);
    }

    /**
     * Bursts of proxied requests between the page's readings draw the proxy's rate chart (an HTTP
     * proxy group is listed once a request used it; the server proxies to itself).
     */
    @Test
    void aScreenshotOfTheWholePage() throws Exception {
        assertEquals(404, get("/page-it/proxied/first").statusCode(), "the server's own 404, proxied");
        open("?refresh=1");
        By proxy = By.cssSelector("#backends tr[data-cluster^='http '] td.rate");
        waitFor(proxy);
        explain("/page-it/old/a/b", "User-Agent: curl");
        waitFor(By.id("decision"));
        for (int burst : new int[] {6, 2, 12, 4, 9}) {
            int readings = Integer.parseInt(browser.findElement(proxy).getDomAttribute("data-readings"));
            for (int i = 0; i < burst; i++) {
                assertEquals(404, get("/page-it/proxied/" + i).statusCode(), "the server's own 404, proxied");
            }
            waitUntil(() -> Integer.parseInt(browser.findElement(proxy).getDomAttribute("data-readings")) > readings);
        }
        assertNoConsoleErrors();

        // the whole page in one viewport as tall as the page, so the screenshot holds all of it
        long height = (Long) ((JavascriptExecutor) browser).executeScript(
                "return Math.ceil(document.documentElement.scrollHeight)");
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1280,
                "height", (int) Math.min(height, 8000), "deviceScaleFactor", 1, "mobile", false));
        Path screenshots = Path.of(System.getProperty("turnpike.it.screenshots", "target/screenshots"));
        Files.createDirectories(screenshots);
        Path shot = screenshots.resolve("turnpike-page.png");
        try {
            Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
        assertTrue(Files.size(shot) > 10_000, shot + " has " + Files.size(shot) + " bytes");
    }

    // ---- the browser ---------------------------------------------------------------------------

    private static void requireBrowser() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String missing = "TurnpikePageIT needs Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                + CHROMEDRIVER + "): apt-get install chromium chromium-driver";
        if (Boolean.parseBoolean(System.getProperty("turnpike.it.require-browser", "false"))) {
            Assertions.fail(missing + " (or -Dturnpike.it.require-browser=false to skip)");
        }
        Assumptions.abort(missing);
    }

    /**
     * Headless Chromium that sends the administrator's login with every request of the page.
     *
     * <p>The login goes in as a DevTools command ({@code Network.setExtraHTTPHeaders}) sent
     * through chromedriver, which needs no Selenium DevTools module matching the browser's
     * version, and so every request carries it from the first. The other ways are weaker here:
     * opened as {@code http://admin:turnpike@...}, the page's own {@code fetch()} calls get the
     * login only from Chromium's cache of the 401 challenge it answered (fetch() refuses URLs with
     * credentials, so the page strips them); Selenium's {@code HasAuthentication} needs a DevTools
     * module of the browser's version, which a Debian Chromium newer than the Selenium release
     * does not have.
     */
    private static ChromeDriver startBrowser() throws IOException {
        profile = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "turnpike-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // as root in a container, with no connection of its own to the (closed) network
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers",
                Map.of("Authorization", AdminLogin.ADMIN)));
        return driver;
    }

    private static void deleteProfile() throws IOException {
        if (profile == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
        profile = null;
    }

    /** Opens the page afresh, its console log emptied. */
    private void open(String query) {
        browser.get(base + "turnpike/" + query);
        waitFor(By.cssSelector("#rules tbody tr"));
        severeEntries();
    }

    private void explain(String url, String headers) {
        WebElement field = browser.findElement(By.id("explain-url"));
        field.clear();
        field.sendKeys(url);
        WebElement lines = browser.findElement(By.id("explain-headers"));
        lines.clear();
        lines.sendKeys(headers);
        browser.findElement(By.id("explain-submit")).click();
    }

    private static WebElement waitFor(By what) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    private static boolean closedRowIsOff() {
        String classes = browser.findElement(By.cssSelector("#rules tr[data-name='closed']")).getDomAttribute("class");
        return classes != null && classes.contains("off");
    }

    private static void waitUntil(BooleanSupplier condition) {
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .until(driver -> condition.getAsBoolean());
    }

    private static List<String> texts(By what) {
        return browser.findElements(what).stream().map(WebElement::getText).toList();
    }

    /** The browser's console entries at SEVERE since the last call (reading the log empties it). */
    private static List<LogEntry> severeEntries() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    }

    private static void assertNoConsoleErrors() {
        List<LogEntry> severe = severeEntries();
        assertTrue(severe.isEmpty(), "console errors: " + severe);
    }

    // ---- plain HTTP ----------------------------------------------------------------------------

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    private HttpResponse<String> send(String method, String path, String login, String csrf) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path.substring(1)))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody());
        if (login != null) {
            request.header("Authorization", login);
        }
        if (csrf != null) {
            request.header("X-Turnpike-Csrf", csrf);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String csrfToken() throws Exception {
        HttpResponse<String> answer = send("GET", "/turnpike/api/csrf", AdminLogin.ADMIN, null);
        assertEquals(200, answer.statusCode(), answer.body());
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            return reader.readObject().getString("token");
        }
    }
}
