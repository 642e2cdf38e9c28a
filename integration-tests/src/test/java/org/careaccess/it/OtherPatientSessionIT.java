package org.careaccess.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careaccess.it.CareAccessServer.journey;
import static org.careaccess.testkit.PatientJourney.enterDateOfBirth;

import java.time.LocalDate;
import java.util.Map;

import org.careaccess.testkit.Browser;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.LinkIssuerApi.IssuedLink;
import org.careaccess.testkit.Page;
import org.careaccess.testkit.TestPatients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One browser, two patients (a shared family tablet): patient A is signed in when patient B's
 * link is opened. Keycloak would reuse A's session and end on its "already signed in as a
 * different user" error after B's steps; CareAccess asks first, signs A out on this browser, and
 * B's link goes on for B.
 */
@ExtendWith(CareAccessServer.class)
class OtherPatientSessionIT {

    private static final LocalDate ANNS_BIRTHDAY = LocalDate.of(1984, 3, 15);
    private static final LocalDate BENS_BIRTHDAY = LocalDate.of(2001, 11, 2);

    private final LinkIssuerApi issuer = journey().issuer();

    @Test
    void anotherPatientsSessionNeverOpensThisLink() {
        IssuedLink annsLink = issuer.issue(ANNS_BIRTHDAY);
        IssuedLink bensLink = issuer.issue(BENS_BIRTHDAY);
        Browser tablet = journey().signedInFirstDevice(annsLink);

        Page page = journey().open(tablet, bensLink);

        assertThat(page.careaccessPage()).isEqualTo("link-other-patient");
        assertThat(page.heading()).isEqualTo("Someone else is signed in on this device");
        String ann = issuer.status(annsLink.id()).body().path("patientId").asText();
        String annsUsername = CareAccessServer.admin().get("/realms/patients/users/" + ann).body().path("username").asText();
        assertThat(page.body()).doesNotContain(annsUsername).doesNotContain(ann).doesNotContain("Ann");
    }

    @Test
    void goingBackLeavesTheOtherPatientSignedIn() {
        IssuedLink annsLink = issuer.issue(ANNS_BIRTHDAY);
        IssuedLink bensLink = issuer.issue(BENS_BIRTHDAY);
        Browser tablet = journey().signedInFirstDevice(annsLink);

        Page page = journey().open(tablet, bensLink);

        assertThat(page.document().getElementById("go-back").text()).isEqualTo("Go back without signing them out");
        assertThat(page.document().getElementById("go-back").attr("href")).isEqualTo(journey().portalRedirect());
        Page portal = tablet.open(journey().portal().authorizationUri(Map.of("prompt", "none")));
        assertThat(journey().idTokenClaims(portal).path("sub").asText()).as("Ann is still signed in")
                .isEqualTo(issuer.status(annsLink.id()).body().path("patientId").asText());
    }

    @Test
    void signingTheOtherPatientOutContinuesWithThisLinksPatient() {
        IssuedLink annsLink = issuer.issue(ANNS_BIRTHDAY);
        IssuedLink bensLink = issuer.issue(BENS_BIRTHDAY);
        Browser tablet = CareAccessServer.browser();
        JsonNode annsTokens = journey().tokens(enterDateOfBirth(journey().open(tablet, annsLink), ANNS_BIRTHDAY));

        Page dob = journey().open(tablet, bensLink).form().submit("sign-out");

        assertThat(dob.careaccessPage()).isEqualTo("dob");
        Page wrong = enterDateOfBirth(dob, ANNS_BIRTHDAY);
        assertThat(wrong.errors()).as("Ann's date is not Ben's").containsExactly("The details you entered do not match our records");
        Page done = enterDateOfBirth(wrong, BENS_BIRTHDAY);
        JsonNode claims = journey().idTokenClaims(done);
        assertThat(claims.path("sub").asText()).isEqualTo(issuer.status(bensLink.id()).body().path("patientId").asText());
        assertThat(claims.path("careaccess_link").path("id").asText()).isEqualTo(bensLink.id());
        assertThatThrownBy(() -> journey().portal().tokenRequest(Map.of("grant_type", "refresh_token",
                "refresh_token", annsTokens.path("refresh_token").asText())))
                .as("Ann's session is over").hasMessageContaining("400");
    }

    @Test
    void theSamePatientsOtherLinkNeedsNoSigningOut() {
        String nhsNumber = TestPatients.nextNhsNumber();
        IssuedLink first = issuer.issue(ANNS_BIRTHDAY, TestPatients.nextMobile(), nhsNumber);
        IssuedLink second = issuer.issue(ANNS_BIRTHDAY, TestPatients.nextMobile(), nhsNumber);
        Browser phone = journey().signedInFirstDevice(first);

        Page dob = journey().open(phone, second);

        assertThat(dob.careaccessPage()).isEqualTo("dob");
        JsonNode claims = journey().idTokenClaims(enterDateOfBirth(dob, ANNS_BIRTHDAY));
        assertThat(claims.path("careaccess_link").path("id").asText()).isEqualTo(second.id());
    }
}
