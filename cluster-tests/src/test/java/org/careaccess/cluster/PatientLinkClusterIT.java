package org.careaccess.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.cluster.ClusterNodes.browser;
import static org.careaccess.cluster.ClusterNodes.journey;
import static org.careaccess.cluster.ClusterNodes.nodeA;
import static org.careaccess.cluster.ClusterNodes.nodeB;
import static org.careaccess.cluster.ClusterNodes.routeTo;
import static org.careaccess.testkit.PatientJourney.BORN;
import static org.careaccess.testkit.PatientJourney.REALM;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.careaccess.testkit.Browser;
import org.careaccess.testkit.AtOnce;
import org.careaccess.testkit.KeycloakServer;
import org.careaccess.testkit.LinkEvents;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.OidcClient;
import org.careaccess.testkit.Page;
import org.careaccess.testkit.PatientJourney;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A patient's link flow spread over both nodes: links, codes, counters, locks and trusted devices
 * are the cluster's, not one node's, so a load balancer may send each step to either node.
 */
@ExtendWith(ClusterNodes.class)
class PatientLinkClusterIT {

    /** Resends without the 30-second cooldown, so the hourly text limit is reached in seconds. */
    private static final String NO_COOLDOWN = "cluster-no-cooldown";
    /** Only the link's own lock stands between a burst of guesses and the date of birth. */
    private static final String NO_BRUTE_FORCE = "cluster-no-brute-force";

    @BeforeAll
    static void realmsWithOneSettingChanged() {
        journey().createRealmCopy(NO_COOLDOWN, Map.of("careaccess security code", Map.of("resendCooldownSeconds", "0")));
        journey().createRealmCopy(NO_BRUTE_FORCE, Map.of(), Map.of("bruteForceProtected", false));
    }

    @AfterEach
    void frontBackToNodeA() {
        routeTo(nodeA());
    }

    @Test
    void aLinkIssuedThroughNodeAOpensOnNodeB() {
        routeTo(nodeA());
        LinkIssuerApi.IssuedLink link = journey().newLink(REALM);

        routeTo(nodeB());
        Page done = journey().openAndConfirmBirthDate(browser(), link);

        JsonNode claims = journey().idTokenClaims(done);
        assertThat(claims.path("careaccess_link").path("id").asText()).isEqualTo(link.id());
        assertThat(OidcClient.amr(claims)).containsExactly("dob");
        assertThat(journey().issuer(REALM).status(link.id()).expect(200).body().path("trustedDevice").path("boundBy").asText())
                .as("the first device, bound through node B, as node A reports it").isEqualTo("first_use");
    }

    @Test
    void aCodeTextedThroughNodeAIsAcceptedOnNodeB() {
        LinkIssuerApi.IssuedLink link = journey().newLink(REALM);
        routeTo(nodeA());
        Page code = journey().codePageOnASecondDevice(link);
        assertThat(journey().textsTo(link)).as("texted through node A").isEqualTo(1);

        routeTo(nodeB());
        Page done = journey().enterTextedCode(code, link);

        assertThat(OidcClient.amr(journey().idTokenClaims(done))).containsExactlyInAnyOrder("dob", "sms");
        assertThat(journey().textsTo(link)).as("node B sent no text of its own").isEqualTo(1);
    }

    @Test
    void wrongDatesOfBirthAlternatingBetweenNodesLockTheLinkOnBoth() {
        LinkIssuerApi.IssuedLink link = journey().newLink(REALM);
        Browser browser = browser();
        Page page = journey().open(browser, link);

        for (int wrong = 1; wrong <= 5; wrong++) {
            routeTo(wrong % 2 == 1 ? nodeA() : nodeB());
            if (wrong > 1) {
                PatientJourney.pauseBetweenTries();
            }
            page = PatientJourney.enterDateOfBirth(page, BORN.minusDays(wrong));
            if (wrong < 5) {
                assertThat(page.careaccessPage()).as("wrong date %d", wrong).isEqualTo("dob");
            }
        }

        assertThat(page.careaccessPage()).as("the fifth wrong date, counted with four on the other node").isEqualTo("link-locked");
        for (KeycloakServer node : new KeycloakServer[] {nodeA(), nodeB()}) {
            routeTo(node);
            Page again = journey().open(browser(), link);
            if ("dob".equals(again.careaccessPage())) {
                again = PatientJourney.enterDateOfBirth(again, BORN);
            }
            assertThat(again.careaccessPage()).as("the right date through %s", node.url()).isEqualTo("link-locked");
        }
    }

    @Test
    void thirtyParallelWrongDatesSplitOverBothNodesCompareAtMostFive() throws URISyntaxException {
        routeTo(nodeA());
        LinkIssuerApi.IssuedLink link = journey().newLink(NO_BRUTE_FORCE);
        Map<Browser, Page> dobPages = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            Browser browser = browser();
            Page dob = journey().open(browser, link);
            PatientJourney.expectPage(dob, "dob");
            dobPages.put(browser, dob);
        }

        List<Page> answers = wrongDatesAtOnce(dobPages);

        assertThat(LinkEvents.datesOfBirthCompared(ClusterNodes.admin(), NO_BRUTE_FORCE, link.id()))
                .as("wrong dates compared, both nodes together").isEqualTo(5);
        assertThat(answers).extracting(Page::careaccessPage).containsOnly("dob", "link-locked").filteredOn("dob"::equals).hasSize(4);
        for (KeycloakServer node : new KeycloakServer[] {nodeA(), nodeB()}) {
            routeTo(node);
            Page again = journey().open(browser(), link);
            assertThat(again.careaccessPage()).as("the link through %s after the burst", node.url()).isEqualTo("link-locked");
        }
    }

    /** Half the posts straight to node A, half to node B, all at once, as a load balancer without sticky sessions. */
    private static List<Page> wrongDatesAtOnce(Map<Browser, Page> dobPages) throws URISyntaxException {
        List<Map.Entry<String, String>> wrongDate = List.of(Map.entry("dob-day", "1"), Map.entry("dob-month", "1"),
                Map.entry("dob-year", Integer.toString(BORN.getYear() - 1)));
        List<Supplier<Page>> posts = new ArrayList<>();
        for (Map.Entry<Browser, Page> dob : dobPages.entrySet()) {
            KeycloakServer node = posts.size() % 2 == 0 ? nodeA() : nodeB();
            URI action = dob.getValue().form().action();
            URI toNode = new URI(action.getScheme(), null, action.getHost(), node.httpPort(), action.getPath(), action.getQuery(), null);
            posts.add(() -> dob.getKey().post(toNode, wrongDate));
        }
        return AtOnce.all(posts);
    }

    @Test
    void textsRequestedAlternatelyFromBothNodesCountTowardsOneHourlyLimit() {
        LinkIssuerApi.IssuedLink link = journey().newLink(NO_COOLDOWN);
        routeTo(nodeA());
        Page code = journey().codePageOnASecondDevice(link);

        for (int text = 2; text <= 6; text++) {
            routeTo(text % 2 == 0 ? nodeB() : nodeA());
            PatientJourney.pauseBetweenTries();
            code = code.form().submit("resend");
            if (text <= 5) {
                assertThat(code.errors()).as("text %d", text).isEmpty();
            }
        }

        assertThat(journey().textsTo(link)).as("texts per link per hour, both nodes together").isEqualTo(5);
        assertThat(code.errors()).containsExactly("You cannot request another code just now. Use the code we have already sent");
        assertThat(journey().enterTextedCode(code, link).isRedirect()).as("the fifth code still works").isTrue();
    }

    @Test
    void aDeviceTrustedThroughNodeAIsTrustedByNodeB() {
        LinkIssuerApi.IssuedLink link = journey().newLink(REALM);
        journey().signedInFirstDevice(link);
        routeTo(nodeA());
        Browser phone = browser();
        journey().assertBackAtPortal(journey().enterTextedCode(journey().openAndConfirmBirthDate(phone, link), link));
        int texts = journey().textsTo(link);

        routeTo(nodeB());
        Page again = journey().openAndConfirmBirthDate(journey().sameDeviceWithoutSession(phone), link);

        assertThat(OidcClient.amr(journey().idTokenClaims(again))).as("no code asked for").containsExactlyInAnyOrder("dob", "device");
        assertThat(journey().textsTo(link)).as("no new text").isEqualTo(texts);
    }
}
