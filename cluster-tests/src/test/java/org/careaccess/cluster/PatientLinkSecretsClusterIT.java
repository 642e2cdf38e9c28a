package org.careaccess.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careaccess.cluster.ClusterNodes.admin;
import static org.careaccess.cluster.ClusterNodes.browser;
import static org.careaccess.cluster.ClusterNodes.frontUrl;
import static org.careaccess.cluster.ClusterNodes.journey;
import static org.careaccess.cluster.ClusterNodes.nodeA;
import static org.careaccess.cluster.ClusterNodes.nodeB;
import static org.careaccess.cluster.ClusterNodes.routeTo;
import static org.careaccess.testkit.PatientJourney.BORN;
import static org.careaccess.testkit.PatientJourney.REALM;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.careaccess.testkit.Browser;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.OidcClient;
import org.careaccess.testkit.Page;
import org.careaccess.testkit.PatientJourney;
import org.careaccess.testkit.TestPatients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a link leaves behind on a cluster: its code in no table and no log line of either node,
 * and, once revoked, no session that either node would still refresh.
 */
@ExtendWith(ClusterNodes.class)
class PatientLinkSecretsClusterIT {

    private static final LocalDate BENS_BIRTHDAY = LocalDate.of(2001, 11, 2);
    private static final String NHS_LOGIN_STUB = "nhs-login-stub";
    private static final String NHS_LOGIN_PASSWORD = "stub password 123";

    @AfterEach
    void frontBackToNodeA() {
        routeTo(nodeA());
    }

    @Test
    void afterEveryKindOfFlowOnBothNodesAPgDumpAndBothLogsHoldNoLinkCode() {
        List<LinkIssuerApi.IssuedLink> links = new ArrayList<>();
        routeTo(nodeA());
        LinkIssuerApi.IssuedLink firstDevice = journey().newLink(REALM);
        links.add(firstDevice);
        journey().signedInFirstDevice(firstDevice);

        LinkIssuerApi.IssuedLink secondDevice = journey().newLink(REALM);
        links.add(secondDevice);
        Page code = journey().codePageOnASecondDevice(secondDevice);
        routeTo(nodeB());
        journey().assertBackAtPortal(journey().enterTextedCode(code, secondDevice));

        LinkIssuerApi.IssuedLink nhsLogin = journey().issuer(REALM).issue(BORN, TestPatients.nextMobile(), TestPatients.nextNhsNumber());
        links.add(nhsLogin);
        nhsLoginUser(nhsLogin.nhsNumber());
        Browser nhsBrowser = browser();
        Page dob = journey().open(nhsBrowser, nhsLogin);
        Page stubLogin = nhsBrowser.open(dob.document().selectFirst("#nhs-login").absUrl("href"));
        routeTo(nodeA());
        journey().assertBackAtPortal(stubLogin.form().set("username", "nhs-" + nhsLogin.nhsNumber()).set("password", NHS_LOGIN_PASSWORD).submit());

        LinkIssuerApi.IssuedLink annsLink = journey().newLink(REALM);
        LinkIssuerApi.IssuedLink bensLink = journey().issuer(REALM).issue(BENS_BIRTHDAY);
        links.add(annsLink);
        links.add(bensLink);
        Browser tablet = journey().signedInFirstDevice(annsLink);
        routeTo(nodeB());
        Page bensDob = journey().open(tablet, bensLink).form().submit("sign-out");
        journey().assertBackAtPortal(PatientJourney.enterDateOfBirth(bensDob, BENS_BIRTHDAY));

        // Ann's session ended when she was signed out for Ben; every other link's session is in the database.
        String dump = dumpOnceItHoldsTheSessionsOf(links.stream().filter(link -> link != annsLink).toList());
        String logs = nodeA().log() + nodeB().log();
        assertThat(links.stream().filter(link -> dump.contains(link.code())).map(LinkIssuerApi.IssuedLink::id))
                .as("links whose code is in the pg_dump").isEmpty();
        assertThat(links.stream().filter(link -> logs.contains(link.code())).map(LinkIssuerApi.IssuedLink::id))
                .as("links whose code is in a node's log").isEmpty();
    }

    @Test
    void afterRevokingThroughNodeAARefreshSentToNodeBGetsInvalidGrant() {
        routeTo(nodeA());
        LinkIssuerApi.IssuedLink link = journey().newLink(REALM);
        JsonNode tokens = portal().redeem(journey().openAndConfirmBirthDate(browser(), link));
        routeTo(nodeB());
        JsonNode refreshed = refresh(tokens);
        assertThat(OidcClient.claims(refreshed.path("access_token").asText()).path("careaccess_link").path("id").asText())
                .as("node B refreshes while the link is live").isEqualTo(link.id());

        routeTo(nodeA());
        journey().issuer(REALM).revoke(link.id()).expect(204);

        routeTo(nodeB());
        assertThatThrownBy(() -> refresh(refreshed)).hasMessageContaining("400").hasMessageContaining("invalid_grant");
        routeTo(nodeA());
        assertThatThrownBy(() -> refresh(refreshed)).hasMessageContaining("invalid_grant");
    }

    private static OidcClient portal() {
        return new OidcClient(frontUrl() + "/realms/" + REALM, "patient-portal", ClusterNodes.PORTAL_SECRET, ClusterNodes.PORTAL_URL + "/");
    }

    private static JsonNode refresh(JsonNode tokens) {
        return portal().tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", tokens.path("refresh_token").asText()));
    }

    /** A person with an NHS login at the stand-in realm, signing in with their NHS number as username. */
    private static void nhsLoginUser(String nhsNumber) {
        admin().post("/realms/" + NHS_LOGIN_STUB + "/users", Map.of(
                "username", "nhs-" + nhsNumber, "email", "nhs-" + nhsNumber + "@example.org", "emailVerified", true, "enabled", true,
                "firstName", "Ann", "lastName", "Example",
                "attributes", Map.of("nhs_number", List.of(nhsNumber), "birthdate", List.of(BORN.toString()),
                        "phoneNumber", List.of("+447700900999"), "vot", List.of("P9.Cp.Cd")),
                "credentials", List.of(Map.of("type", "password", "value", NHS_LOGIN_PASSWORD, "temporary", false)))).expect(201);
    }

    /**
     * {@code pg_dump} of the cluster's database, once every link's client session (whose notes
     * carry the link's id, as they would carry the code) is in it: sessions are written in batches.
     */
    private static String dumpOnceItHoldsTheSessionsOf(List<LinkIssuerApi.IssuedLink> links) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            String dump = ClusterNodes.database().dump();
            List<String> sessions = dump.lines().filter(line -> line.contains("careaccess.link.id")).toList();
            if (links.stream().allMatch(link -> sessions.stream().anyMatch(line -> line.contains(link.id())))) {
                return dump;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not every link's client session was in the database within 30 s");
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
