package org.sysnerd.dockerlabs.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium, driven through its chromedriver by Selenium, with the browser's network and console logs
 * kept: what a page requested, and what the browser refused (a Content-Security-Policy violation is logged there).
 */
final class Chromium implements AutoCloseable {

    static final Path BROWSER = Path.of(System.getProperty("labs.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("labs.chromedriver", "/usr/bin/chromedriver"));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Selenium warns that it has no DevTools (CDP) classes for this Chromium: none are used (logs come from chromedriver). */
    private static final java.util.logging.Logger CDP_FINDER = java.util.logging.Logger.getLogger(
            "org.openqa.selenium.devtools.CdpVersionFinder");

    private final Path profile;
    final ChromeDriver driver;

    private Chromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /** Why Chromium cannot be had here, or null when both the browser and its driver are installed. */
    static String missing() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            return "no headless Chromium here (" + BROWSER + ", " + DRIVER + "): sudo apt-get install -y chromium chromium-driver";
        }
        return null;
    }

    /** Starts the browser with a new empty profile, a window of this size, and its network and console logs kept. */
    static Chromium start(int width, int height) throws IOException {
        CDP_FINDER.setLevel(Level.OFF);
        Path profile = Files.createTempDirectory("docker-labs-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--hide-scrollbars");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(30)).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20)).scriptTimeout(Duration.ofSeconds(5));
        return new Chromium(profile, driver);
    }

    /** Opens the page file. */
    void open(Path page) {
        driver.get(page.toAbsolutePath().toUri().toString());
    }

    /**
     * Every URL the browser requested for the document {@code page} since the last call (Network.requestWillBeSent in
     * the performance log, by its documentURL: a late event of the page opened before is not this page's).
     */
    List<String> requests(Path page) {
        String document = page.toAbsolutePath().toUri().toString();
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).path("message");
                JsonNode params = message.path("params");
                if (message.path("method").asText().equals("Network.requestWillBeSent")
                        && params.path("documentURL").asText().equals(document)) {
                    urls.add(params.path("request").path("url").asText());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("chromedriver's performance log: " + entry.getMessage(), e);
            }
        }
        return urls;
    }

    /** Forgets what the network and console logs held so far. */
    void clearLogs() {
        driver.manage().logs().get(LogType.PERFORMANCE);
        driver.manage().logs().get(LogType.BROWSER);
    }

    /** The console's messages since the last call (a refused script or style says "Content Security Policy" there). */
    List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    /** Writes a screenshot of the window to {@code file}. */
    Path screenshot(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
