package org.careaccess.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.cluster.ClusterNodes.browser;
import static org.careaccess.cluster.ClusterNodes.databaseLink;
import static org.careaccess.cluster.ClusterNodes.frontUrl;
import static org.careaccess.cluster.ClusterNodes.journey;
import static org.careaccess.cluster.ClusterNodes.nodeA;
import static org.careaccess.cluster.ClusterNodes.nodeB;
import static org.careaccess.cluster.ClusterNodes.routeTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import org.careaccess.testkit.AdminClient;
import org.careaccess.testkit.Browser;
import org.careaccess.testkit.KeycloakServer;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.Page;
import org.careaccess.testkit.PatientJourney;
import org.careaccess.testkit.SafeAnswers;
import org.careaccess.testkit.TestRealm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL gone for a moment (the link between the nodes and the database cut for a few
 * seconds, as in a database restart or fail-over): whatever needs the database answers promptly
 * with a plain error, never a stack trace, and the very first request once the database is back
 * works, on both nodes, without restarting Keycloak (thanks to the pool validation in
 * {@link org.careaccess.testkit.ProductionKeycloak#QUARKUS_PROPERTIES}).
 */
@ExtendWith(ClusterNodes.class)
class DatabaseOutageIT {

    private static final String PASSWORD = "correct horse battery staple";
    /** However the database fails, an answer must come well within a person's patience. */
    private static final Duration PROMPTLY = Duration.ofSeconds(30);
    /** How long the database is gone: a restart or fail-over takes seconds. */
    private static final Duration OUTAGE = Duration.ofSeconds(3);

    @AfterEach
    void databaseBack() {
        databaseLink().restore();
        routeTo(nodeA());
    }

    @Test
    void signingInWithoutTheDatabaseShowsAPlainErrorAndWorksOnceItIsBack() {
        TestRealm realm = TestRealm.create(ClusterNodes.admin(), "outage-signin");
        realm.userWithPassword("dan", PASSWORD);
        Page signIn = realm.openSignIn(browser(), frontUrl());

        Duration[] took = new Duration[1];
        Page answer = duringAnOutage(() -> {
            Instant sent = Instant.now();
            Page page = TestRealm.submitPassword(signIn, "dan", PASSWORD);
            took[0] = Duration.between(sent, Instant.now());
            return page;
        });

        System.out.printf("sign-in during the outage: %s in %d ms, \"%s\"%n", answer, took[0].toMillis(), answer.text());
        assertThat(TestRealm.isCodeRedirect(answer)).as("no sign-in without the database: " + answer).isFalse();
        assertThat(took[0]).as("answered promptly").isLessThan(PROMPTLY);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        SafeAnswers.assertRevealsNoInternals(answer.body(), "sign-in during the outage");
        for (KeycloakServer node : new KeycloakServer[] {nodeA(), nodeB()}) {
            routeTo(node);
            Page again = realm.signIn(browser(), frontUrl(), "dan", PASSWORD);
            assertThat(TestRealm.isCodeRedirect(again)).as("the first sign-in through " + node.url() + " once the database is back: " + again).isTrue();
        }
    }

    @Test
    void aRealmsSignInPageNotYetCachedShowsAPlainErrorAndComesBack() {
        // Made through node B, so node A has never loaded it and must read it from the database.
        TestRealm realm = TestRealm.create(nodeB().admin(), "outage-page");
        routeTo(nodeA());

        Page answer = duringAnOutage(() -> realm.openSignIn(browser(), frontUrl()));

        System.out.printf("uncached sign-in page during the outage: %s, \"%s\"%n", answer, answer.text());
        assertThat(answer.status()).as("the page cannot be served without the database: " + answer).isGreaterThanOrEqualTo(500);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        SafeAnswers.assertRevealsNoInternals(answer.body(), "sign-in page during the outage");
        assertThat(realm.openSignIn(browser(), frontUrl()).status()).as("the first request once the database is back").isEqualTo(200);
    }

    @Test
    void theAdminApiAnswersAJsonErrorWithoutInternalsAndComesBack() {
        AdminClient admin = nodeA().admin();
        TestRealm realm = TestRealm.create(admin, "outage-admin");

        AdminClient.Response answer = duringAnOutage(() -> admin.post("/realms/" + realm.name() + "/users", Map.of("username", "erin", "enabled", true)));

        assertThat(answer.status()).as(answer.raw()).isGreaterThanOrEqualTo(500);
        SafeAnswers.assertRevealsNoInternals(answer.raw(), "admin API during the outage");
        assertThat(admin.post("/realms/" + realm.name() + "/users", Map.of("username", "erin", "enabled", true)).status())
                .as("the first request once the database is back").isEqualTo(201);
    }

    @Test
    void aPatientLinkFlowWithoutTheDatabaseShowsAPlainPageAndWorksOnceItIsBack() {
        LinkIssuerApi.IssuedLink link = journey().newLink(PatientJourney.REALM);
        Browser phone = browser();
        Page dob = journey().open(phone, link);
        PatientJourney.expectPage(dob, "dob");

        Page opened = duringAnOutage(() -> journey().open(browser(), link));
        Page dateOfBirth = duringAnOutage(() -> PatientJourney.enterDateOfBirth(dob, link.birthDate()));

        assertPlainErrorOrFlowPage(opened, "opening a link during the outage");
        assertPlainErrorOrFlowPage(dateOfBirth, "the date of birth during the outage");
        Page done = dateOfBirth.isRedirect() ? dateOfBirth : journey().openAndConfirmBirthDate(phone, link);
        journey().assertBackAtPortal(done);
    }

    @Test
    void aSecurityCodeTypedWithoutTheDatabaseShowsAPlainPageAndWorksOnceItIsBack() {
        LinkIssuerApi.IssuedLink link = journey().newLink(PatientJourney.REALM);
        Page code = journey().codePageOnASecondDevice(link);

        Page answer = duringAnOutage(() -> journey().enterTextedCode(code, link));

        assertPlainErrorOrFlowPage(answer, "the security code during the outage");
        Page done = answer.isRedirect() ? answer : journey().enterTextedCode(journey().codePageOnASecondDevice(link), link);
        journey().assertBackAtPortal(done);
    }

    /**
     * What a patient may see while the database is gone: a page of the flow, the way back to the
     * portal, or the realm's themed error page ("Sorry, there is a problem ... Try again in a few
     * minutes", Keycloak's own error page in the CareAccess theme with its message in plain words):
     * HTML, without internals, never a bare server error.
     */
    private static void assertPlainErrorOrFlowPage(Page answer, String what) {
        System.out.printf("%s: %s, \"%s\"%n", what, answer, answer.isRedirect() ? answer.location() : answer.text());
        SafeAnswers.assertRevealsNoInternals(answer.body(), what);
        if (!answer.isRedirect()) {
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("text/html");
        }
        if (answer.status() >= 500) {
            assertThat(answer.heading()).as(what + ": the themed error page, not a bare one: " + answer.text()).isEqualTo("Sorry, there is a problem");
            assertThat(answer.text()).as(what + ": says what to do, in plain words").contains("Try again in a few minutes");
        }
    }

    /** Cuts the database link, sends the request, and restores the link {@link #OUTAGE} after the cut. */
    private static <T> T duringAnOutage(Supplier<T> request) {
        Instant cut = Instant.now();
        databaseLink().cut();
        try {
            return request.get();
        } finally {
            long left = Duration.between(Instant.now(), cut.plus(OUTAGE)).toMillis();
            if (left > 0) {
                try {
                    Thread.sleep(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            databaseLink().restore();
        }
    }
}
