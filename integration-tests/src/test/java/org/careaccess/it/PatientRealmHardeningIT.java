package org.careaccess.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careaccess.it.CareAccessServer.journey;
import static org.careaccess.testkit.PatientJourney.enterDateOfBirth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.careaccess.testkit.Browser;
import org.careaccess.testkit.JsonApi;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.LinkIssuerApi.IssuedLink;
import org.careaccess.testkit.OidcClient;
import org.careaccess.testkit.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the patients realm turns off: a patient signed in with a link cannot make themselves a
 * password, no client accepts a password grant, and no token or userinfo carries the birth date
 * (the link's secret) or, unless the client asks for {@code profile}, the patient's names.
 */
@ExtendWith(CareAccessServer.class)
class PatientRealmHardeningIT {

    private static final LocalDate BORN = LocalDate.of(1984, 3, 15);
    private static final String PASSWORD = "correct horse battery staple 42";
    private static final List<String> PERSONAL_CLAIMS = List.of("birthdate", "given_name", "family_name", "name");

    private final LinkIssuerApi issuer = journey().issuer();

    @Test
    void kcActionUpdatePasswordAfterALinkSignInShowsNoPasswordPage() {
        IssuedLink link = issuer.issue(BORN);
        Browser phone = journey().signedInFirstDevice(link);

        Page page = phone.open(journey().portal().authorizationUri(Map.of("kc_action", "UPDATE_PASSWORD")));

        assertThat(page.document().select("input[type=password]")).as(page + "\n" + page.text()).isEmpty();
        assertThat(page.body()).doesNotContainIgnoringCase("new password");
        JsonNode credentials = CareAccessServer.admin().get("/realms/patients/users/" + patientId(link) + "/credentials").expect(200).body();
        assertThat(credentials.findValuesAsText("type")).doesNotContain("password");
    }

    @Test
    void otherAccountActionsAreOffToo() {
        IssuedLink link = issuer.issue(BORN);
        Browser phone = journey().signedInFirstDevice(link);

        for (String action : List.of("CONFIGURE_TOTP", "webauthn-register", "CONFIGURE_RECOVERY_AUTHN_CODES", "UPDATE_PROFILE")) {
            Page page = phone.open(journey().portal().authorizationUri(Map.of("kc_action", action)));

            assertThat(page.document().select("form input:not([type=hidden])")).as(action + ": " + page + "\n" + page.text()).isEmpty();
        }
    }

    @Test
    void aPasswordGrantIsRefusedEvenAfterAnAdminSetsThePatientAPassword() {
        IssuedLink link = issuer.issue(BORN);
        String patient = patientId(link);
        CareAccessServer.admin().put("/realms/patients/users/" + patient + "/reset-password",
                Map.of("type", "password", "value", PASSWORD, "temporary", false)).expect(204);
        String username = CareAccessServer.admin().get("/realms/patients/users/" + patient).expect(200).body().path("username").asText();
        Map<String, String> grant = Map.of("grant_type", "password", "username", username, "password", PASSWORD, "scope", "openid");

        OidcClient adminCli = new OidcClient(CareAccessServer.server().realmUrl("patients"), "admin-cli", null, null);
        assertThatThrownBy(() -> adminCli.tokenRequest(grant)).hasMessageContaining("token request failed: 40");
        assertThatThrownBy(() -> journey().portal().tokenRequest(grant)).hasMessageContaining("token request failed: 40");
    }

    @Test
    void aLinkSignInsTokensAndUserinfoCarryNoBirthDateAndNoNames() {
        IssuedLink link = issuer.issue(BORN);
        Page done = enterDateOfBirth(journey().open(CareAccessServer.browser(), link), BORN);

        JsonNode tokens = journey().tokens(done);

        for (JsonNode claims : List.of(OidcClient.claims(tokens.path("id_token").asText()),
                OidcClient.claims(tokens.path("access_token").asText()), userinfo(tokens))) {
            assertThat(claims.path("careaccess_link").path("id").asText()).as("the link claim stays").isEqualTo(link.id());
            assertThat(OidcClient.amr(claims)).containsExactly("dob");
            assertThat(claims.fieldNames()).toIterable().as(claims.toString()).doesNotContainAnyElementsOf(PERSONAL_CLAIMS);
            assertThat(claims.toString()).doesNotContain("1984");
        }
    }

    @Test
    void scopeProfileAddsTheNamesButNeverTheBirthDate() {
        IssuedLink link = issuer.issue(BORN);
        Browser browser = CareAccessServer.browser();
        Page dob = browser.open(journey().portal().authorizationUri(Map.of("scope", "openid profile",
                "careaccess_link", link.code())));

        JsonNode tokens = journey().tokens(enterDateOfBirth(dob, BORN));

        for (JsonNode claims : List.of(OidcClient.claims(tokens.path("id_token").asText()),
                OidcClient.claims(tokens.path("access_token").asText()), userinfo(tokens))) {
            assertThat(claims.path("given_name").asText()).as(claims.toString()).isEqualTo("Ann");
            assertThat(claims.path("family_name").asText()).isEqualTo("Example");
            assertThat(claims.has("birthdate")).isFalse();
            assertThat(claims.toString()).doesNotContain("1984");
        }
    }

    @Test
    void theAccountConsoleStillServesAPatientAndItsTokensCarryNoBirthDate() throws Exception {
        IssuedLink link = issuer.issue(BORN);
        Browser phone = journey().signedInFirstDevice(link);
        Browser stopsAtRedirects = new Browser(uri -> false);
        phone.cookies().forEach(stopsAtRedirects::addCookie);
        String realmUrl = CareAccessServer.server().realmUrl("patients");
        OidcClient accountConsole = new OidcClient(realmUrl, "account-console", null, realmUrl + "/account/");
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));

        Page back = stopsAtRedirects.open(accountConsole.authorizationUri(Map.of("code_challenge", challenge, "code_challenge_method", "S256")));
        JsonNode tokens = accountConsole.tokenRequest(Map.of("grant_type", "authorization_code", "code", back.locationParameter("code"),
                "redirect_uri", realmUrl + "/account/", "code_verifier", verifier));

        JsonNode account = JsonApi.withBearer(realmUrl, tokens.path("access_token").asText()).send("GET", "/account/", null, null).expect(200).body();
        assertThat(account.path("id").asText()).isEqualTo(patientId(link));
        for (JsonNode claims : List.of(OidcClient.claims(tokens.path("id_token").asText()), OidcClient.claims(tokens.path("access_token").asText()))) {
            assertThat(claims.fieldNames()).toIterable().as(claims.toString()).doesNotContainAnyElementsOf(PERSONAL_CLAIMS);
        }
    }

    private static JsonNode userinfo(JsonNode tokens) {
        return JsonApi.withBearer(CareAccessServer.server().realmUrl("patients"), tokens.path("access_token").asText())
                .send("GET", "/protocol/openid-connect/userinfo", null, null).expect(200).body();
    }

    private String patientId(IssuedLink link) {
        return issuer.status(link.id()).body().path("patientId").asText();
    }
}
