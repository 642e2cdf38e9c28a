package org.careaccess.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.cluster.ClusterNodes.browser;
import static org.careaccess.cluster.ClusterNodes.frontUrl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.careaccess.testkit.Browser;
import org.careaccess.testkit.FuzzInputs;
import org.careaccess.testkit.Page;
import org.careaccess.testkit.SafeAnswers;
import org.careaccess.testkit.TestRealm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fuzz catalogue against Keycloak's own sign-in form: every case gets a clear answer (no 5xx,
 * no internals, no hostile markup echoed), except the two malformed bodies Keycloak itself fails
 * with a plain 500 while parsing the form ({@link FuzzInputs.Body#keycloakAnswers500()}), so a
 * failure of the same cases on a CareAccess form is CareAccess's, not the server's or the catalogue's.
 */
@ExtendWith(ClusterNodes.class)
class FuzzCatalogueIT {

    private static TestRealm realm;

    @BeforeAll
    static void realm() {
        realm = TestRealm.create(ClusterNodes.admin(), "fuzz");
        realm.userWithPassword("hal", "correct horse battery staple");
    }

    @Test
    void everyFormCaseGetsAClearAnswer() {
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("username", "hal");
        valid.put("password", "not the password");
        List<String> failures = new ArrayList<>();

        for (FuzzInputs.FormCase fuzz : FuzzInputs.formCases(valid)) {
            Page signIn = realm.openSignIn(browser(), frontUrl());
            var form = signIn.form("form#kc-form-login");
            fuzz.apply().accept(form);
            check(failures, fuzz.name(), () -> {
                Page answer = form.submit();
                SafeAnswers.assertNoServerError(answer, fuzz.name());
                SafeAnswers.assertNotReflected(answer.body(), fuzz.value(), fuzz.name());
                assertThat(TestRealm.isCodeRedirect(answer)).as(fuzz.name() + " signs nobody in").isFalse();
            });
        }

        assertThat(failures).isEmpty();
    }

    @Test
    void wrongMethodsAndMalformedBodiesGetAClearAnswer() {
        List<String> failures = new ArrayList<>();
        for (String method : FuzzInputs.wrongMethods()) {
            Browser browser = browser();
            var action = realm.openSignIn(browser, frontUrl()).form("form#kc-form-login").action();
            check(failures, method, () -> SafeAnswers.assertNoServerError(browser.request(method, action), method));
        }
        for (FuzzInputs.Body body : FuzzInputs.malformedFormBodies()) {
            Browser browser = browser();
            var action = realm.openSignIn(browser, frontUrl()).form("form#kc-form-login").action();
            check(failures, body.name(), () -> {
                Page answer = browser.postRaw(action, body.contentType(), body.content());
                if (body.keycloakAnswers500()) {
                    assertThat(answer.status()).as(body.name() + ": Keycloak's own answer changed; update FuzzInputs").isEqualTo(500);
                    SafeAnswers.assertRevealsNoInternals(answer.body(), body.name());
                } else {
                    SafeAnswers.assertNoServerError(answer, body.name());
                }
            });
        }

        assertThat(failures).isEmpty();
    }

    /** Runs every case and collects what failed, so one run shows all of them. */
    private static void check(List<String> failures, String name, Runnable check) {
        try {
            check.run();
        } catch (AssertionError | RuntimeException e) {
            failures.add(name + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
