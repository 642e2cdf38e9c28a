package org.careaccess.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.cluster.ClusterNodes.admin;
import static org.careaccess.cluster.ClusterNodes.browser;
import static org.careaccess.cluster.ClusterNodes.frontUrl;
import static org.careaccess.cluster.ClusterNodes.journey;
import static org.careaccess.cluster.ClusterNodes.nodeA;
import static org.careaccess.cluster.ClusterNodes.nodeB;
import static org.careaccess.cluster.ClusterNodes.routeTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.careaccess.testkit.Browser;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.OidcClient;
import org.careaccess.testkit.Page;
import org.careaccess.testkit.PatientJourney;
import org.careaccess.testkit.SafeAnswers;
import org.careaccess.testkit.TestRealm;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A node dies mid-flow (a password sign-in, a patient between date of birth and code), then the
 * whole cluster restarts: people notice nothing worse than a retry, and links and trusted devices stay.
 */
@ExtendWith(ClusterNodes.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeFailureIT {

    private static final String PASSWORD = "correct horse battery staple";

    @Test
    @Order(1)
    void whenNodeAIsKilledMidSignInNodeBFinishesItAndNeverAnswersWithAServerError() throws Exception {
        TestRealm realm = TestRealm.create(admin(), "failover");
        realm.userWithPassword("fay", PASSWORD);
        routeTo(nodeA());
        Browser signedIn = browser();
        OidcClient client = realm.client(frontUrl());
        JsonNode tokens = client.redeem(realm.signIn(signedIn, frontUrl(), "fay", PASSWORD));
        Browser midway = browser();
        Page signIn = realm.openSignIn(midway, frontUrl());

        try (LoadOnNode load = new LoadOnNode(nodeB().realmUrl(realm.name()))) {
            nodeA().kill();
            routeTo(nodeB());
            Page answer = TestRealm.submitPassword(signIn, "fay", PASSWORD);
            if (!TestRealm.isCodeRedirect(answer)) {
                SafeAnswers.assertNoServerError(answer, "sign-in handed over from a dead node");
                answer = realm.signIn(midway, frontUrl(), "fay", PASSWORD);
            }
            assertThat(TestRealm.isCodeRedirect(answer)).as("signed in on node B: " + answer).isTrue();
            assertThat(client.redeem(answer).path("access_token").asText()).isNotEmpty();
            assertThat(TestRealm.isCodeRedirect(realm.openSignIn(signedIn, frontUrl())))
                    .as("the session made on node A still signs in on node B").isTrue();
            assertThat(client.tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", tokens.path("refresh_token").asText()))
                    .path("access_token").asText()).isNotEmpty();
            load.assertServedWithoutServerErrors();
        }
        assertThat(ClusterNodes.clusterView(nodeB())).as("node B alone after the kill").containsExactly("node-b");
    }

    @Test
    @Order(2)
    void whenNodeBStopsBetweenDateOfBirthAndCodeThePatientFinishesOnNodeA() {
        ClusterNodes.startStopped();
        LinkIssuerApi.IssuedLink link = journey().newLink(PatientJourney.REALM);
        journey().signedInFirstDevice(link);
        Browser secondDevice = browser();
        routeTo(nodeB());
        Page code = journey().openAndConfirmBirthDate(secondDevice, link);
        PatientJourney.expectPage(code, "code");

        nodeB().stop();
        routeTo(nodeA());
        Page answer = journey().enterTextedCode(code, link);

        System.out.printf("code typed on node A after node B stopped: %s%n", answer.isRedirect() ? "signed in" : answer + ", starting again");
        if (!answer.isRedirect()) {
            // Starting again is acceptable; a server error or a dead end is not.
            SafeAnswers.assertNoServerError(answer, "code typed after node B stopped");
            answer = journey().enterTextedCode(journey().openAndConfirmBirthDate(secondDevice, link), link);
        }
        assertThat(OidcClient.amr(journey().idTokenClaims(answer))).containsExactlyInAnyOrder("dob", "sms");
        assertThat(ClusterNodes.clusterView(nodeA())).as("node A alone after B stopped").containsExactly("node-a");
    }

    @Test
    @Order(3)
    void restartingBothNodesKeepsRealmsUsersSessionsLinksAndTrustedDevices() throws Exception {
        TestRealm realm = TestRealm.create(admin(), "restarted");
        String userId = realm.userWithPassword("gus", PASSWORD);
        routeTo(nodeA());
        Browser signedIn = browser();
        OidcClient client = realm.client(frontUrl());
        JsonNode tokens = client.redeem(realm.signIn(signedIn, frontUrl(), "gus", PASSWORD));
        LinkIssuerApi.IssuedLink link = journey().newLink(PatientJourney.REALM);
        Browser phone = journey().signedInFirstDevice(link);
        int texts = journey().textsTo(link);

        ClusterNodes.restartBoth();

        assertThat(ClusterNodes.clusterView(nodeA())).containsExactlyInAnyOrder("node-a", "node-b");
        routeTo(nodeA());
        assertThat(admin().get("/realms/" + realm.name() + "/users/" + userId).expect(200).body().path("username").asText()).isEqualTo("gus");
        assertThat(client.tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", tokens.path("refresh_token").asText()))
                .path("access_token").asText()).as("the session survived the restart").isNotEmpty();
        Page linkAgain = journey().openAndConfirmBirthDate(journey().sameDeviceWithoutSession(phone), link);
        assertThat(OidcClient.amr(journey().idTokenClaims(linkAgain)))
                .as("the link opens and the device is still trusted: no code").containsExactlyInAnyOrder("dob", "device");
        assertThat(journey().textsTo(link)).isEqualTo(texts);
        routeTo(nodeB());
        assertThat(TestRealm.isCodeRedirect(realm.openSignIn(signedIn, frontUrl()))).as("still signed in through node B").isTrue();
        assertThat(TestRealm.isCodeRedirect(realm.signIn(browser(), frontUrl(), "gus", PASSWORD))).as("the password still works").isTrue();
        PatientJourney.expectPage(journey().openAndConfirmBirthDate(browser(), link), "code");
        routeTo(nodeA());
    }

    /** Keeps asking node B directly for a realm's sign-in page and discovery document, recording every answer. */
    private static final class LoadOnNode implements AutoCloseable {

        private final List<String> failures = new CopyOnWriteArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        private int requests;

        LoadOnNode(String realmUrl) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            List<URI> targets = List.of(URI.create(realmUrl + "/.well-known/openid-configuration"),
                    URI.create(realmUrl + "/protocol/openid-connect/auth?client_id=" + TestRealm.CLIENT_ID
                            + "&response_type=code&scope=openid&redirect_uri=" + TestRealm.REDIRECT_URI));
            thread = new Thread(() -> {
                while (running.get()) {
                    for (URI target : targets) {
                        try {
                            HttpResponse<String> response = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() >= 500) {
                                failures.add(response.statusCode() + " " + target);
                            }
                        } catch (Exception e) {
                            failures.add(e + " " + target);
                        }
                        requests++;
                    }
                }
            }, "load-on-node-b");
            thread.start();
        }

        void assertServedWithoutServerErrors() throws InterruptedException {
            close();
            assertThat(requests).as("requests to node B while node A died").isPositive();
            assertThat(failures).as("server errors from node B").isEmpty();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}
