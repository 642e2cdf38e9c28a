package org.careaccess.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.careaccess.testkit.Browser;
import org.careaccess.testkit.Form;
import org.careaccess.testkit.FuzzInputs;
import org.careaccess.testkit.Page;
import org.careaccess.testkit.SafeAnswers;

/**
 * Runs the test kit's fuzz catalogue ({@link FuzzInputs}) against one form or endpoint and collects
 * every case that got an unclear answer, so one run shows all of them.
 */
final class FuzzRuns {

    private FuzzRuns() {
    }

    /** Runs one case's checks; a failed assertion or an error is added to {@code failures}. */
    static void check(List<String> failures, String name, Runnable check) {
        try {
            check.run();
        } catch (AssertionError | RuntimeException e) {
            failures.add(name + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    /**
     * Every case of {@link FuzzInputs#formCases} on a freshly opened copy of the form: no 5xx, no
     * internals, nothing hostile echoed, then either a clear 4xx (e.g. 413 for a megabyte, from
     * the server before any form code runs) or {@code expect} on the answer.
     */
    static void formCases(List<String> failures, Map<String, String> valid, Supplier<Form> freshForm, Consumer<Page> expect) {
        for (FuzzInputs.FormCase fuzz : FuzzInputs.formCases(valid)) {
            check(failures, fuzz.name(), () -> {
                Form form = freshForm.get();
                fuzz.apply().accept(form);
                Page answer = form.submit();
                SafeAnswers.assertNoServerError(answer, fuzz.name());
                SafeAnswers.assertNotReflected(answer.body(), fuzz.value(), fuzz.name());
                if (answer.status() < 400) {
                    expect.accept(answer);
                }
            });
        }
    }

    /**
     * Wrong methods and malformed bodies sent to a form's action, taken from a form freshly opened
     * in the browser given: a clear answer, except the bodies Keycloak itself answers with a plain
     * 500 while parsing the form, before any authenticator runs.
     */
    static void wrongMethodsAndMalformedBodies(List<String> failures, Supplier<Browser> newBrowser, Function<Browser, URI> freshAction) {
        for (String method : FuzzInputs.wrongMethods()) {
            check(failures, method, () -> {
                Browser browser = newBrowser.get();
                SafeAnswers.assertNoServerError(browser.request(method, freshAction.apply(browser)), method);
            });
        }
        for (FuzzInputs.Body body : FuzzInputs.malformedFormBodies()) {
            check(failures, body.name(), () -> {
                Browser browser = newBrowser.get();
                Page answer = browser.postRaw(freshAction.apply(browser), body.contentType(), body.content());
                if (body.keycloakAnswers500()) {
                    assertThat(answer.status()).as(body.name() + ": Keycloak's own answer changed; update FuzzInputs").isEqualTo(500);
                    SafeAnswers.assertRevealsNoInternals(answer.body(), body.name());
                } else {
                    SafeAnswers.assertNoServerError(answer, body.name());
                }
            });
        }
    }
}
