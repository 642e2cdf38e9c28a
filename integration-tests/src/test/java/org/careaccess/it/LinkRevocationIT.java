package org.careaccess.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.careaccess.testkit.Browser;
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

    private final LinkIssuer issuer = LinkIssuer.patientsRealm();

    @Test
    void afterRevokingTheLinkItsRefreshTokenGetsInvalidGrant() {
        LinkIssuer.IssuedLink link = issuer.issue(BORN);
        JsonNode tokens = PatientLinks.tokens(PatientLinks.enterDateOfBirth(PatientLinks.open(CareAccessServer.browser(), link), BORN));
        JsonNode refreshed = refresh(tokens);
        assertThat(OidcClient.claims(refreshed.path("access_token").asText()).path("careaccess_link").path("id").asText())
                .as("refreshing works while the link is live").isEqualTo(link.id());

        issuer.revoke(link.id()).expect(204);

        assertThatThrownBy(() -> refresh(refreshed)).hasMessageContaining("400").hasMessageContaining("invalid_grant");
        assertThatThrownBy(() -> refresh(tokens)).hasMessageContaining("invalid_grant");
    }

    @Test
    void revokingEndsTheOfflineSessionTheLinkOpenedToo() {
        LinkIssuer.IssuedLink link = issuer.issue(BORN);
        Browser browser = CareAccessServer.browser();
        Page dob = browser.open(PatientLinks.portal().authorizationUri(Map.of("careaccess_link", link.code(), "scope", "openid offline_access")));
        JsonNode tokens = PatientLinks.tokens(PatientLinks.enterDateOfBirth(dob, BORN));
        assertThat(OidcClient.claims(tokens.path("refresh_token").asText()).path("typ").asText()).isEqualTo("Offline");
        refresh(tokens);

        issuer.revoke(link.id()).expect(204);

        assertThatThrownBy(() -> refresh(tokens)).hasMessageContaining("invalid_grant");
    }

    @Test
    void theBrowserOfARevokedLinkIsNoLongerSignedIn() {
        LinkIssuer.IssuedLink link = issuer.issue(BORN);
        Browser phone = PatientLinks.signedInFirstDevice(link);

        issuer.revoke(link.id()).expect(204);

        Page withoutALink = phone.open(PatientLinks.portal().authorizationUri());
        assertThat(withoutALink.isRedirect()).as("no single sign-on from the ended session: %s", withoutALink).isFalse();
    }

    @Test
    void aLaterSignInWithoutALinkDoesNotHideTheSessionFromRevoking() {
        LinkIssuer.IssuedLink link = issuer.issue(BORN);
        Browser phone = CareAccessServer.browser();
        JsonNode tokens = PatientLinks.tokens(PatientLinks.enterDateOfBirth(PatientLinks.open(phone, link), BORN));
        JsonNode singleSignOn = PatientLinks.tokens(phone.open(PatientLinks.portal().authorizationUri()));
        assertThat(OidcClient.claims(singleSignOn.path("id_token").asText()).has("careaccess_link")).as("no link this time").isFalse();

        issuer.revoke(link.id()).expect(204);

        assertThatThrownBy(() -> refresh(tokens)).hasMessageContaining("invalid_grant");
        assertThatThrownBy(() -> refresh(singleSignOn)).hasMessageContaining("invalid_grant");
    }

    @Test
    void aSessionOpenedThroughTheLinkWithNhsLoginEndsToo() {
        LinkIssuer.IssuedLink link = issuer.issue(BORN, TestPatients.nextMobile(), TestPatients.nextNhsNumber());
        NhsLoginIT.NhsLoginStub.user(link.nhsNumber(), BORN, "P9.Cp.Cd");
        Browser phone = CareAccessServer.browser();
        JsonNode tokens = PatientLinks.tokens(NhsLoginIT.NhsLoginStub.continueToNhsLogin(phone, PatientLinks.open(phone, link), link.nhsNumber()));
        JsonNode singleSignOn = PatientLinks.tokens(phone.open(PatientLinks.portal().authorizationUri()));

        issuer.revoke(link.id()).expect(204);

        assertThatThrownBy(() -> refresh(tokens)).hasMessageContaining("invalid_grant");
        assertThatThrownBy(() -> refresh(singleSignOn)).hasMessageContaining("invalid_grant");
    }

    @Test
    void theSamePatientsSessionFromAnotherLinkStays() {
        String nhsNumber = TestPatients.nextNhsNumber();
        LinkIssuer.IssuedLink revoked = issuer.issue(BORN, TestPatients.nextMobile(), nhsNumber);
        LinkIssuer.IssuedLink kept = issuer.issue(BORN, TestPatients.nextMobile(), nhsNumber);
        JsonNode revokedTokens = PatientLinks.tokens(PatientLinks.enterDateOfBirth(PatientLinks.open(CareAccessServer.browser(), revoked), BORN));
        JsonNode keptTokens = PatientLinks.tokens(PatientLinks.enterDateOfBirth(PatientLinks.open(CareAccessServer.browser(), kept), BORN));
        assertThat(OidcClient.claims(keptTokens.path("id_token").asText()).path("sub").asText())
                .isEqualTo(OidcClient.claims(revokedTokens.path("id_token").asText()).path("sub").asText());

        issuer.revoke(revoked.id()).expect(204);

        assertThatThrownBy(() -> refresh(revokedTokens)).hasMessageContaining("invalid_grant");
        assertThat(OidcClient.claims(refresh(keptTokens).path("access_token").asText()).path("careaccess_link").path("id").asText())
                .isEqualTo(kept.id());
    }

    private static JsonNode refresh(JsonNode tokens) {
        return PatientLinks.portal().tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", tokens.path("refresh_token").asText()));
    }
}
