package org.careaccess.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.cluster.ClusterNodes.admin;
import static org.careaccess.cluster.ClusterNodes.browser;
import static org.careaccess.cluster.ClusterNodes.frontUrl;
import static org.careaccess.cluster.ClusterNodes.nodeA;
import static org.careaccess.cluster.ClusterNodes.nodeB;
import static org.careaccess.cluster.ClusterNodes.routeTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import org.careaccess.testkit.Browser;
import org.careaccess.testkit.OidcClient;
import org.careaccess.testkit.Page;
import org.careaccess.testkit.TestRealm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The two nodes are one Keycloak: they find each other through the database, share sign-ins in
 * progress, sessions and failure counts through Infinispan, and see each other's changes at once.
 */
@ExtendWith(ClusterNodes.class)
class ClusterMembershipIT {

    private static final String PASSWORD = "correct horse battery staple";

    @AfterEach
    void frontBackToNodeA() {
        routeTo(nodeA());
    }

    @Test
    void bothNodesJoinOneInfinispanClusterFoundThroughTheDatabase() throws SQLException {
        assertThat(ClusterNodes.clusterView(nodeA())).containsExactlyInAnyOrder("node-a", "node-b");
        assertThat(ClusterNodes.clusterView(nodeB())).containsExactlyInAnyOrder("node-a", "node-b");
        try (Connection db = ClusterNodes.database().connect();
             ResultSet pings = db.createStatement().executeQuery("SELECT count(*) FROM jgroups_ping")) {
            pings.next();
            assertThat(pings.getInt(1)).as("nodes registered for discovery in jgroups_ping").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aRealmCreatedThroughNodeAIsServedByNodeB() throws Exception {
        TestRealm realm = TestRealm.create(nodeA().admin(), "cluster-created");

        HttpResponse<String> discovery = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(nodeB().realmUrl(realm.name()) + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body()).contains("\"issuer\":\"" + frontUrl() + "/realms/" + realm.name() + "\"");
    }

    @Test
    void aRealmChangeThroughNodeAReplacesWhatNodeBHadCached() throws InterruptedException {
        TestRealm realm = TestRealm.create(nodeA().admin(), "cluster-changed", Map.of("displayName", "Before"));
        assertThat(nodeB().admin().get("/realms/" + realm.name()).expect(200).body().path("displayName").asText()).isEqualTo("Before");

        nodeA().admin().put("/realms/" + realm.name(), Map.of("displayName", "After")).expect(204);

        assertThat(eventually(() -> nodeB().admin().get("/realms/" + realm.name()).body().path("displayName").asText(), "After"))
                .isEqualTo("After");
    }

    @Test
    void aSignInStartedOnNodeAFinishesOnNodeB() {
        TestRealm realm = TestRealm.create(admin(), "cluster-handover");
        realm.userWithPassword("ann", PASSWORD);
        Browser browser = browser();
        routeTo(nodeA());
        Page signIn = realm.openSignIn(browser, frontUrl());

        routeTo(nodeB());
        Page answer = TestRealm.submitPassword(signIn, "ann", PASSWORD);

        assertThat(TestRealm.isCodeRedirect(answer)).as("redirect back with a code: " + answer).isTrue();
        assertThat(realm.client(frontUrl()).redeem(answer).path("access_token").asText()).isNotEmpty();
    }

    @Test
    void aSessionMadeOnNodeAIsValidOnNodeB() throws Exception {
        TestRealm realm = TestRealm.create(admin(), "cluster-session");
        realm.userWithPassword("bob", PASSWORD);
        Browser browser = browser();
        OidcClient client = realm.client(frontUrl());
        routeTo(nodeA());
        JsonNode tokens = client.redeem(realm.signIn(browser, frontUrl(), "bob", PASSWORD));

        routeTo(nodeB());
        Page singleSignOn = realm.openSignIn(browser, frontUrl());
        JsonNode refreshed = client.tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", tokens.path("refresh_token").asText()));
        HttpResponse<String> userInfo = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(nodeB().realmUrl(realm.name()) + "/protocol/openid-connect/userinfo"))
                .header("Authorization", "Bearer " + tokens.path("access_token").asText()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(TestRealm.isCodeRedirect(singleSignOn)).as("signed in without a form: " + singleSignOn).isTrue();
        assertThat(refreshed.path("access_token").asText()).isNotEmpty();
        assertThat(userInfo.statusCode()).isEqualTo(200);
        assertThat(userInfo.body()).contains("\"preferred_username\":\"bob\"");
    }

    @Test
    void failedSignInsThroughEitherNodeCountTowardsOneLockout() throws InterruptedException {
        TestRealm realm = TestRealm.create(admin(), "cluster-lockout", Map.of(
                "bruteForceProtected", true, "failureFactor", 2, "waitIncrementSeconds", 600, "maxFailureWaitSeconds", 900));
        String userId = realm.userWithPassword("cara", PASSWORD);

        routeTo(nodeA());
        realm.signIn(browser(), frontUrl(), "cara", "wrong one");
        routeTo(nodeB());
        realm.signIn(browser(), frontUrl(), "cara", "wrong two");

        String status = eventually(() -> nodeA().admin().get("/realms/" + realm.name() + "/attack-detection/brute-force/users/" + userId)
                .body().path("numFailures").asText(), "2");
        assertThat(status).as("failures counted on node A").isEqualTo("2");
        assertThat(nodeB().admin().get("/realms/" + realm.name() + "/attack-detection/brute-force/users/" + userId).body().path("disabled").asBoolean())
                .as("locked as seen by node B").isTrue();
        routeTo(nodeA());
        assertThat(TestRealm.isCodeRedirect(realm.signIn(browser(), frontUrl(), "cara", PASSWORD)))
                .as("the right password is refused while locked").isFalse();
    }

    /** Polls for up to 10 s: changes travel between nodes asynchronously, though in milliseconds. */
    static String eventually(java.util.function.Supplier<String> read, String expected) throws InterruptedException {
        String value = read.get();
        for (int i = 0; i < 100 && !expected.equals(value); i++) {
            Thread.sleep(100);
            value = read.get();
        }
        return value;
    }
}
