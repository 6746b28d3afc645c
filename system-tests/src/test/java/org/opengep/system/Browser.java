package org.opengep.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven by Debian's chromium-driver: both are named by path, so Selenium never looks for
 * (or downloads) a browser of its own. {@code .ci/run} installs them with apt when they are missing.
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("GEP_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("GEP_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private Browser() {}

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    }

    /** A laptop-sized headless window, Chinese first like a bureau's browser. */
    static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=zh-CN",
                "--window-size=1366,900", "--hide-scrollbars", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .withLogFile(new File("target/chromedriver.log")).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(new Dimension(1366, 900));
        return driver;
    }

    /** A screenshot of the whole page (the window stretched to the page's height) into {@code directory/name}. */
    static void screenshot(ChromeDriver driver, Path directory, String name) throws IOException {
        Number height = (Number) driver.executeScript("return Math.min(document.documentElement.scrollHeight, 2400);");
        driver.manage().window().setSize(new Dimension(1366, Math.max(900, height.intValue())));
        try {
            Files.createDirectories(directory);
            Files.write(directory.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.manage().window().setSize(new Dimension(1366, 900));
        }
    }
}
