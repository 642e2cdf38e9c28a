package org.careaccess.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.cluster.ClusterNodes.browser;
import static org.careaccess.cluster.ClusterNodes.frontUrl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.careaccess.testkit.FuzzInputs;
import org.careaccess.testkit.TestRealm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fuzz catalogue against Keycloak's own sign-in form: every case gets a clear answer (no 5xx,
 * no internals, no hostile markup echoed), except the two malformed bodies Keycloak itself fails
 * with a plain 500 while parsing the form ({@link FuzzInputs.Body#keycloakAnswers500()}), so a
 * failure of the same cases on a CareAccess form ({@link CareAccessFuzzIT}) is CareAccess's, not
 * the server's or the catalogue's.
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

        FuzzRuns.formCases(failures, valid, () -> realm.openSignIn(browser(), frontUrl()).form("form#kc-form-login"),
                answer -> assertThat(TestRealm.isCodeRedirect(answer)).as("signs nobody in").isFalse());

        assertThat(failures).isEmpty();
    }

    @Test
    void wrongMethodsAndMalformedBodiesGetAClearAnswer() {
        List<String> failures = new ArrayList<>();

        FuzzRuns.wrongMethodsAndMalformedBodies(failures, ClusterNodes::browser,
                browser -> realm.openSignIn(browser, frontUrl()).form("form#kc-form-login").action());

        assertThat(failures).isEmpty();
    }
}
