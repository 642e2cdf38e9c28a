package org.careaccess.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.careaccess.testkit.AccessibilityAudit;
import org.careaccess.testkit.Chromium;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Real headless Chromium for a test class, with the WCAG 2.2 AA audit. Screenshots of every
 * audited screen, at 375 px and 1280 px wide, are kept in
 * {@code integration-tests/target/screenshots/} as build artefacts.
 */
public final class Screens implements BeforeAllCallback, AfterAllCallback {

    private static final AccessibilityAudit AUDIT =
            new AccessibilityAudit(Path.of(System.getProperty("careaccess.work", "target/it")).resolveSibling("screenshots"));

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

    /** Audits the page Chromium shows and fails with the violations, if any. */
    public static AccessibilityAudit.Report assertAccessible(String screenName) {
        AccessibilityAudit.Report report = AUDIT.audit(driver, screenName);
        System.out.printf("axe %s: %d violations, %d rules passed%n", screenName, report.violations().size(), report.rulesPassed());
        assertThat(report.violations()).as(report.describe()).isEmpty();
        return report;
    }
}
