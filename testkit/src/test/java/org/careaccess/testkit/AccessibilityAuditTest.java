package org.careaccess.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/** The audit fails the markup it must: a label on an element whose role forbids one, text or not. */
class AccessibilityAuditTest {

    private static final String PAGE = "<!DOCTYPE html><html lang=\"en\"><head><title>Error</title></head><body><main><h1>Error</h1>%s</main></body></html>";

    @Test
    void anErrorSummaryLabelledOnADivWithoutARoleFails() throws Exception {
        assertThat(audit("<div class=\"nhsuk-error-summary\" tabindex=\"-1\" aria-labelledby=\"t\"><div role=\"alert\">"
                + "<h2 id=\"t\">There is a problem</h2><ul><li>Enter a date</li></ul></div></div>").violations())
                .extracting(rule -> rule.getId()).contains("aria-prohibited-attr");
    }

    @Test
    void nhsukFrontendsOwnErrorSummaryPasses() throws Exception {
        assertThat(audit("<div class=\"nhsuk-error-summary\"><div role=\"alert\">"
                + "<h2>There is a problem</h2><ul><li>Enter a date</li></ul></div></div>").violations()).isEmpty();
    }

    private static AccessibilityAudit.Report audit(String body) throws Exception {
        Path shots = Files.createTempDirectory("audit");
        ChromeDriver driver = Chromium.start();
        try {
            driver.get("data:text/html;charset=utf-8," + URLEncoder.encode(String.format(PAGE, body), StandardCharsets.UTF_8).replace("+", "%20"));
            return new AccessibilityAudit(shots).audit(driver, "error-summary");
        } finally {
            driver.quit();
        }
    }
}
