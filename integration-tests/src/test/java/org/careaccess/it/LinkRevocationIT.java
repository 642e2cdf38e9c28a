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
import org.careaccess.testkit.OidcClient;
import org.careaccess.testkit.Page;
import org.careaccess.testkit.TestPatients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Revoking a link ends what it opened: every session (online and offline) signed in through it,
 * so their refresh tokens stop at once; the same patient's sessions from another link stay.
 */
@ExtendWith(CareAccessServer.class)
class LinkRevocationIT {

    private static final LocalDate BORN = LocalDate.of(1984, 3, 15);

    private final LinkIssuerApi issuer = journey().issuer();

    @Test
    void afterRevokingTheLinkItsRefreshTokenGetsInvalidGrant() {
        IssuedLink link = issuer.issue(BORN);
        JsonNode tokens = journey().tokens(enterDateOfBirth(journey().open(CareAccessServer.browser(), link), BORN));
        JsonNode refreshed = refresh(tokens);
        assertThat(OidcClient.claims(refreshed.path("access_token").asText()).path("careaccess_link").path("id").asText())
                .as("refreshing works while the link is live").isEqualTo(link.id());

        issuer.revoke(link.id()).expect(204);

        assertThatThrownBy(() -> refresh(refreshed)).hasMessageContaining("400").hasMessageContaining("invalid_grant");
        assertThatThrownBy(() -> refresh(tokens)).hasMessageContaining("invalid_grant");
    }

    @Test
    void revokingEndsTheOfflineSessionTheLinkOpenedToo() {
        IssuedLink link = issuer.issue(BORN);
        Browser browser = CareAccessServer.browser();
        Page dob = browser.open(journey().portal().authorizationUri(Map.of("careaccess_link", link.code(), "scope", "openid offline_access")));
        JsonNode tokens = journey().tokens(enterDateOfBirth(dob, BORN));
        assertThat(OidcClient.claims(tokens.path("refresh_token").asText()).path("typ").asText()).isEqualTo("Offline");
        refresh(tokens);

        issuer.revoke(link.id()).expect(204);

        assertThatThrownBy(() -> refresh(tokens)).hasMessageContaining("invalid_grant");
    }

    @Test
    void theBrowserOfARevokedLinkIsNoLongerSignedIn() {
        IssuedLink link = issuer.issue(BORN);
        Browser phone = journey().signedInFirstDevice(link);

        issuer.revoke(link.id()).expect(204);

        Page withoutALink = phone.open(journey().portal().authorizationUri());
        assertThat(withoutALink.isRedirect()).as("no single sign-on from the ended session: %s", withoutALink).isFalse();
    }

    @Test
    void aLaterSignInWithoutALinkDoesNotHideTheSessionFromRevoking() {
        IssuedLink link = issuer.issue(BORN);
        Browser phone = CareAccessServer.browser();
        JsonNode tokens = journey().tokens(enterDateOfBirth(journey().open(phone, link), BORN));
        JsonNode singleSignOn = journey().tokens(phone.open(journey().portal().authorizationUri()));
        assertThat(OidcClient.claims(singleSignOn.path("id_token").asText()).has("careaccess_link")).as("no link this time").isFalse();

        issuer.revoke(link.id()).expect(204);

        assertThatThrownBy(() -> refresh(tokens)).hasMessageContaining("invalid_grant");
        assertThatThrownBy(() -> refresh(singleSignOn)).hasMessageContaining("invalid_grant");
    }

    @Test
    void aSessionOpenedThroughTheLinkWithNhsLoginEndsToo() {
        IssuedLink link = issuer.issue(BORN, TestPatients.nextMobile(), TestPatients.nextNhsNumber());
        NhsLoginIT.NhsLoginStub.user(link.nhsNumber(), BORN, "P9.Cp.Cd");
        Browser phone = CareAccessServer.browser();
        JsonNode tokens = journey().tokens(NhsLoginIT.NhsLoginStub.continueToNhsLogin(phone, journey().open(phone, link), link.nhsNumber()));
        JsonNode singleSignOn = journey().tokens(phone.open(journey().portal().authorizationUri()));

        issuer.revoke(link.id()).expect(204);

        assertThatThrownBy(() -> refresh(tokens)).hasMessageContaining("invalid_grant");
        assertThatThrownBy(() -> refresh(singleSignOn)).hasMessageContaining("invalid_grant");
    }

    @Test
    void theSamePatientsSessionFromAnotherLinkStays() {
        String nhsNumber = TestPatients.nextNhsNumber();
        IssuedLink revoked = issuer.issue(BORN, TestPatients.nextMobile(), nhsNumber);
        IssuedLink kept = issuer.issue(BORN, TestPatients.nextMobile(), nhsNumber);
        JsonNode revokedTokens = journey().tokens(enterDateOfBirth(journey().open(CareAccessServer.browser(), revoked), BORN));
        JsonNode keptTokens = journey().tokens(enterDateOfBirth(journey().open(CareAccessServer.browser(), kept), BORN));
        assertThat(OidcClient.claims(keptTokens.path("id_token").asText()).path("sub").asText())
                .isEqualTo(OidcClient.claims(revokedTokens.path("id_token").asText()).path("sub").asText());

        issuer.revoke(revoked.id()).expect(204);

        assertThatThrownBy(() -> refresh(revokedTokens)).hasMessageContaining("invalid_grant");
        assertThat(OidcClient.claims(refresh(keptTokens).path("access_token").asText()).path("careaccess_link").path("id").asText())
                .isEqualTo(kept.id());
    }

    private static JsonNode refresh(JsonNode tokens) {
        return journey().portal().tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", tokens.path("refresh_token").asText()));
    }
}
