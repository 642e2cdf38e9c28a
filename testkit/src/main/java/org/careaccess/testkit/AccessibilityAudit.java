package org.careaccess.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * Checks the page Chromium shows with axe-core against WCAG 2.2 AA (and the A and AA rules of
 * 2.0 and 2.1 it includes), and keeps screenshots at a phone's width (375 px) and a desktop's
 * (1280 px) for people to look at.
 */
public final class AccessibilityAudit {

    /** axe-core's tags for WCAG 2.2 level A and AA, with the earlier versions' rules. */
    public static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    /**
     * Rules whose "needs review" answers are failures on these pages. axe reports a label on an
     * element whose role forbids one (aria-labelledby on a div without a role) as a violation only
     * when the element has no text; with text it asks for review, and the defect stays.
     */
    static final Set<String> REVIEW_IS_FAILURE = java.util.Set.of("aria-prohibited-attr");

    private final Path screenshots;

    public AccessibilityAudit(Path screenshots) {
        this.screenshots = screenshots;
    }

    /** The audit of the current page: its violations (empty is the goal), with screenshots taken. */
    public Report audit(ChromeDriver driver, String screenName) {
        Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(driver);
        screenshot(driver, screenName, 375);
        screenshot(driver, screenName, 1280);
        List<Rule> failures = new ArrayList<>(results.getViolations());
        results.getIncomplete().stream().filter(rule -> REVIEW_IS_FAILURE.contains(rule.getId())).forEach(failures::add);
        return new Report(screenName, driver.getCurrentUrl(), failures, results.getPasses().size());
    }

    private void screenshot(ChromeDriver driver, String screenName, int width) {
        WebDriver.Window window = driver.manage().window();
        window.setSize(new Dimension(width, 1000));
        // Full page: grow the window to the document's height before the shot.
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
        window.setSize(new Dimension(width, Math.max(600, height.intValue())));
        try {
            Files.createDirectories(screenshots);
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, screenshots.resolve(screenName + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            window.setSize(new Dimension(1280, 1000));
        }
    }

    /** What axe found on one screen. */
    public record Report(String screen, String url, List<Rule> violations, int rulesPassed) {

        public boolean clean() {
            return violations.isEmpty();
        }

        /** A readable list of the violations, for an assertion message. */
        public String describe() {
            return violations.stream()
                    .map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n"
                            + rule.getNodes().stream().map(node -> "    " + node.getHtml()).collect(Collectors.joining("\n")))
                    .collect(Collectors.joining("\n", screen + " at " + url + ":\n", ""));
        }
    }
}
