package org.careaccess.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Debian's chromedriver (Selenium Manager cannot download
 * browsers here). The flags keep Chromium off the network it cannot reach anyway.
 */
public final class Chromium {

    public static final Path BROWSER = Path.of(System.getProperty("careaccess.chromium", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getProperty("careaccess.chromedriver", "/usr/bin/chromedriver"));

    private Chromium() {
    }

    public static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    public static ChromeDriver start() {
        if (!installed()) {
            throw new IllegalStateException("Chromium tests need Debian's chromium and chromium-driver "
                    + "(apt-get install chromium chromium-driver; .ci/run installs them)");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("careaccess-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(BROWSER.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--lang=en-GB", "--window-size=1280,1000",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }
}
