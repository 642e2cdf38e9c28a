package org.careaccess.benchmark;

import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

import org.careaccess.testkit.Browser;
import org.careaccess.testkit.Page;

/**
 * One run of a scenario: a browser with no cookies (a new visitor) on the driver's shared HTTP
 * client, and a stopwatch for each step.
 */
public final class Flow {

    private final Browser browser;
    private final BiConsumer<String, Long> stepTimes;

    Flow(Browser browser, BiConsumer<String, Long> stepTimes) {
        this.browser = browser;
        this.stepTimes = stepTimes;
    }

    public Browser browser() {
        return browser;
    }

    /** Runs and times one step (a page load, a form post, a token request). */
    public <T> T step(String name, Callable<T> action) throws Exception {
        long started = System.nanoTime();
        T result = action.call();
        stepTimes.accept(name, System.nanoTime() - started);
        return result;
    }

    /** Fails the flow unless the page is what this step should lead to. */
    public static Page expect(Page page, boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("expected " + what + " but got " + page.status() + " " + page.uri()
                    + (page.isRedirect() ? " -> " + page.headers().firstValue("Location").orElse("") : "") + ": "
                    + page.text().substring(0, Math.min(200, page.text().length())));
        }
        return page;
    }
}
