package org.careaccess.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.careaccess.testkit.AccessibilityAudit;
import org.careaccess.testkit.Browser;
import org.careaccess.testkit.Chromium;
import org.careaccess.testkit.Page;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium for a test class, with the WCAG 2.2 AA audit. Screenshots of every
 * audited screen, at 375 px and 1280 px wide, are kept in
 * {@code integration-tests/target/screenshots/} as build artefacts.
 */
public final class Screens implements BeforeAllCallback, AfterAllCallback {

    private static final AccessibilityAudit AUDIT =
            new AccessibilityAudit(Path.of(System.getProperty("careaccess.work", "target/it")).resolveSibling("screenshots"));

    /** An HTML entity shown as text ({@code &#39;}, {@code &amp;}): something escaped twice. */
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);");

    private static ChromeDriver driver;

    @Override
    public void beforeAll(ExtensionContext context) {
        driver = Chromium.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    public static ChromeDriver chromium() {
        return driver;
    }

    /**
     * Clicks something that loads a new page and waits until the old page is gone and the new one
     * has loaded. While the old document is being torn down Chromium may answer "node does not
     * belong to the document" instead of "stale element"; both mean the old page is going.
     */
    public static void clickAndWaitForNextPage(By element) {
        WebElement body = driver.findElement(By.tagName("body"));
        driver.findElement(element).click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).ignoring(WebDriverException.class).until(ExpectedConditions.and(
                ExpectedConditions.stalenessOf(body),
                page -> "complete".equals(((JavascriptExecutor) page).executeScript("return document.readyState"))));
    }

    /** Audits the page Chromium shows and fails with the violations, if any. */
    public static AccessibilityAudit.Report assertAccessible(String screenName) {
        assertNoEntityText(screenName, driver.getTitle(), driver.findElement(By.tagName("body")).getText());
        AccessibilityAudit.Report report = AUDIT.audit(driver, screenName);
        System.out.printf("axe %s: %d violations, %d rules passed%n", screenName, report.violations().size(), report.rulesPassed());
        assertThat(report.violations()).as(report.describe()).isEmpty();
        return report;
    }

    /** (name, language, how to open it) for each screen, in English and in Welsh: a parameterized test's arguments. */
    public static Stream<Arguments> inEnglishAndWelsh(
            Map<String, Function<Browser, Page>> screens) {
        return screens.entrySet().stream().flatMap(screen -> Stream.of("en", "cy")
                .map(language -> Arguments.of(screen.getKey(), language, screen.getValue())));
    }

    /** A page a scripted browser got in this language: no server error, the language's own words, no entity text. */
    public static void assertWordsIn(Page page, String screen, String language) {
        assertThat(page.status()).as(page.toString()).isLessThan(500);
        assertThat(page.document().select("html").attr("lang")).as(screen).isEqualTo(language);
        assertNoEntityText(screen + " (" + language + ")", page.title(), page.document().body().text());
    }

    /** Fails when the title or the visible text shows an HTML entity as text. */
    public static void assertNoEntityText(String screenName, String title, String visibleText) {
        assertThat(ENTITY.matcher(title).find()).as("%s: entity text in the title: %s", screenName, title).isFalse();
        assertThat(ENTITY.matcher(visibleText).find()).as("%s: entity text on the page: %s", screenName, visibleText).isFalse();
    }
}
