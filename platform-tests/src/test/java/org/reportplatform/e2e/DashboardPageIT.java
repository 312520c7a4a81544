package org.reportplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.reportplatform.contracts.access.Role;

/**
 * The dashboard page in headless Chromium against the three running services: pick an indicator, drill down from
 * the province to a county, see a new submission appear without a reload, export a table as CSV. Screenshots go to
 * target/screenshots; any error in the browser's console fails the test.
 */
class DashboardPageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** The promise is about a second; ten leaves room for a loaded shared machine. */
    private static final Duration LIVE_UPDATE = Duration.ofSeconds(10);

    /** Schools per unit: Ganzhou's two districts and a Nanchang one. */
    private static final Map<String, Integer> SCHOOLS = Map.of("360702", 120, "360703", 95, "360102", 210);

    private static RunningPlatform platform;
    private static ChromeDriver browser;
    private static Path downloads;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the dashboard page test needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver); .ci/run installs them");
        platform = RunningPlatform.start();
        Files.createDirectories(SCREENSHOTS);
        downloads = Files.createTempDirectory("dashboard-downloads");
        browser = headlessChromium(downloads);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void pickDrillDownSeeALiveUpdateAndExport() throws Exception {
        for (var unit : SCHOOLS.entrySet()) {
            assertThat(submit(unit.getKey(), "v1", unit.getValue()).statusCode()).isEqualTo(202);
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> get("/api/v1/aggregates/edu_school_count?region=360000&period=2020").get("reportingUnits").asInt() == 3);

        // signed in as the province's analyst: the page sends the token as a cookie, as EventSource must
        browser.get(platform.dashboard + "/q/health/live");
        browser.manage().addCookie(new Cookie("report_platform_token", platform.token("360000", Role.ANALYST)));
        browser.get(platform.dashboard + "/");
        WebDriverWait wait = waitUpTo(WAIT);
        wait.until(driver -> !driver.findElements(By.cssSelector("#indicator option")).isEmpty());

        // pick the indicator: search by its Chinese name, choose it, choose the period
        browser.findElement(By.id("indicator-search")).sendKeys("学校");
        new Select(browser.findElement(By.id("indicator"))).selectByValue("edu_school_count");
        new Select(browser.findElement(By.id("period"))).selectByValue("2020");
        wait.until(driver -> "425".equals(figureValue()));
        assertThat(browser.findElement(By.id("breadcrumb")).getText()).isEqualTo("江西省");
        assertThat(browser.findElement(By.id("figure-coverage")).getText()).startsWith("3/103");
        assertThat(browser.findElement(By.id("figure-value")).getText()).startsWith("≈");
        screenshot("1-province");
        // numbers the Chinese way: 万 and 亿 for large values, 万元 moving up to 亿元, percentages with one decimal
        assertThat(((JavascriptExecutor) browser).executeScript("return [formatNumber(123456789, '人'), "
                + "formatNumber(12345, '所'), withUnit(45678, '万元'), withUnit(9876, '万元'), formatPercent(87.456), withUnit(83.333, '%')];"))
                .isEqualTo(List.of("1.23亿", "1.23万", "4.57亿元", "9,876万元", "87.5%", "83.3%"));

        // drill down: province → Ganzhou → Zhanggong
        clickDrill("360700");
        wait.until(driver -> "215".equals(figureValue()));
        assertThat(browser.findElement(By.id("breadcrumb")).getText()).contains("江西省", "赣州市");
        screenshot("2-city");
        clickDrill("360702");
        wait.until(driver -> "120".equals(figureValue()));
        assertThat(browser.findElement(By.id("breadcrumb")).getText()).contains("江西省", "赣州市", "章贡区");
        wait.until(driver -> driver.findElement(By.id("county-panel")).isDisplayed()
                && !driver.findElements(By.cssSelector("#sources-table tbody tr")).isEmpty());
        assertThat(browser.findElement(By.id("sources-table")).getText()).contains("edu_annual 2020", "v1");
        screenshot("3-county");

        // a revision arrives through the stream: the figure changes, the page is not reloaded
        wait.until(driver -> "open".equals(driver.findElement(By.id("live-status")).getDomAttribute("data-state")));
        ((JavascriptExecutor) browser).executeScript("window.__sameDocument = true;");
        assertThat(submit("360702", "v2", 133).statusCode()).isEqualTo(202);
        waitUpTo(LIVE_UPDATE).until(driver -> "133".equals(figureValue()));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__sameDocument === true;")).isEqualTo(true);
        wait.until(driver -> driver.findElement(By.id("sources-table")).getText().contains("v2"));
        screenshot("4-county-live");

        // back up to the city with the breadcrumb, export its children
        browser.findElement(By.cssSelector("#breadcrumb a[data-region='360700']")).click();
        wait.until(driver -> "228".equals(figureValue()));
        screenshot("5-city-after-update");
        browser.findElement(By.cssSelector("button[data-export='children']")).click();
        Path csv = awaitDownload("children-edu_school_count-360700-2020.csv");
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("排名 (rank),地区代码 (region),地区 (regionName)");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("1,360702,章贡区,133,"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("2,360703,南康区,95,"));

        // the same page in English
        browser.findElement(By.id("lang-toggle")).click();
        wait.until(driver -> driver.findElement(By.cssSelector("h1")).getText().startsWith("Jiangxi")
                && driver.findElement(By.cssSelector("#children-table th")).getText().equals("Rank")
                && driver.findElement(By.id("figure-indicator")).getText().equals("Primary and secondary schools"));
        screenshot("6-city-english");

        assertThat(consoleErrors()).as("errors in the browser console").isEmpty();
    }

    private static ChromeDriver headlessChromium(Path downloadDirectory) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the flags that work on these machines (PLATFORM-NOTES): as root, without a sandbox, and without
        // background connections that the closed network refuses
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1800",
                "--user-data-dir=" + tempDirectory("chromium-profile"));
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloadDirectory.toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloadDirectory.toString()));
        return driver;
    }

    private static String figureValue() {
        return browser.findElement(By.id("figure-value")).getDomAttribute("data-value");
    }

    /** A link found and clicked in one go: the live stream may re-render the table in between. */
    private static void clickDrill(String region) {
        waitUpTo(WAIT).until(driver -> {
            driver.findElement(By.cssSelector("#children-table a.drill[data-region='" + region + "']")).click();
            return true;
        });
    }

    /** Waits that look again when the page re-renders what they were looking at: it refreshes its panels live. */
    private static WebDriverWait waitUpTo(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static Path awaitDownload(String name) {
        Path file = downloads.resolve(name);
        Awaitility.await().atMost(WAIT).until(() -> Files.isRegularFile(file) && Files.size(file) > 3
                && noPartialDownloads());
        return file;
    }

    private static boolean noPartialDownloads() throws IOException {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.noneMatch(path -> path.toString().endsWith(".crdownload"));
        }
    }

    /** Console messages at error level (SEVERE): script errors, failed requests, console.error calls. */
    private static List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    private static void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static HttpResponse<String> submit(String unit, String version, int schools) throws Exception {
        Map<String, Object> body = Map.of(
                "submissionKey", "page-" + unit + "-" + version,
                "region", unit, "dataset", "edu_annual", "period", "2020",
                "values", List.of(Map.of("indicator", "edu_school_count", "value", schools)));
        return platform.post(platform.intake + "/api/v1/submissions", JSON.writeValueAsString(body), platform.token(unit, Role.REPORTER));
    }

    private static JsonNode get(String path) throws IOException, InterruptedException {
        return JSON.readTree(platform.get(platform.dashboard + path, platform.token("360000", Role.ANALYST)).body());
    }

    private static String tempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix).toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
