package org.careaccess.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.it.CareAccessServer.journey;
import static org.careaccess.testkit.PatientJourney.enterDateOfBirth;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.careaccess.testkit.Browser;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.LinkIssuerApi.IssuedLink;
import org.careaccess.testkit.NhsLoginStandIn;
import org.careaccess.testkit.OidcClient;
import org.careaccess.testkit.Page;
import org.careaccess.testkit.TestPatients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * "Continue to NHS login" in the patient link flow and the portal's own NHS login, against the
 * {@code nhs-login-stub} realm playing NHS login: private_key_jwt client authentication signed
 * RS512 with the patients realm's key, NHS number, birth date and {@code vot} claims.
 */
@ExtendWith(CareAccessServer.class)
class NhsLoginIT {

    private static final LocalDate BORN = LocalDate.of(1984, 3, 15);

    private final LinkIssuerApi issuer = journey().issuer();

    @Test
    void nhsLoginForTheLinksPatientSkipsDateOfBirthAndCodeAndTrustsThisDevice() {
        IssuedLink link = linkWithNhsLoginUser("P9.Cp.Cd");
        Browser browser = CareAccessServer.browser();

        Page done = NhsLoginStub.continueToNhsLogin(browser, journey().open(browser, link), link.nhsNumber());

        JsonNode claims = journey().idTokenClaims(done);
        assertThat(claims.path("sub").asText()).isEqualTo(patientId(link));
        assertThat(claims.path("careaccess_link").path("id").asText()).isEqualTo(link.id());
        assertThat(OidcClient.amr(claims)).containsExactly("nhslogin");
        assertThat(CareAccessServer.sns().publishedTo(link.mobileE164())).as("no text").isEmpty();
        assertThat(browser.cookie("CAREACCESS_DEVICE")).isPresent();
        assertThat(issuer.status(link.id()).body().path("trustedDevice").path("boundBy").asText()).isEqualTo("nhslogin");
        assertThat(federatedIdentities(patientId(link))).as("linked by NHS number, without asking").containsExactly("nhs-login");
        assertThat(patientEvents(patientId(link), "UPDATE_CREDENTIAL")).anySatisfy(e ->
                assertThat(e.path("details").path("careaccess_device").asText()).isEqualTo("nhslogin"));
    }

    @Test
    void nhsLoginDoesNotOpenALinkLockedForGood() {
        IssuedLink link = linkWithNhsLoginUser("P9.Cp.Cd");
        Browser browser = CareAccessServer.browser();
        Page dob = journey().open(browser, link);
        // The link's twentieth wrong date, from another browser, while this one is on the date of birth page.
        DevDatabase.update("update CAREACCESS_PATIENT_LINK set LOCKED_OUT_AT = ? where ID = ?", System.currentTimeMillis(), link.id());

        Page locked = NhsLoginStub.continueToNhsLogin(browser, dob, link.nhsNumber());

        assertThat(locked.careaccessPage()).as(locked.toString()).isEqualTo("link-locked");
        assertThat(locked.text()).contains("Contact the healthcare provider that sent you the link");
        assertThat(issuer.status(link.id()).body().hasNonNull("trustedDevice")).as("no device bound").isFalse();
        assertThat(patientEvents(patientId(link), "LOGIN_ERROR")).anySatisfy(e ->
                assertThat(e.path("error").asText()).isEqualTo("careaccess_link_locked_out"));
    }

    @Test
    void theDateOfBirthPageOffersNhsLoginFirstWhenThePatientHasAnNhsNumber() {
        IssuedLink link = linkWithNhsNumber();

        Page dob = journey().open(CareAccessServer.browser(), link);

        assertThat(dob.careaccessPage()).isEqualTo("dob");
        assertThat(dob.document().select("main a.nhsuk-button, main button").first().id()).isEqualTo("nhs-login");
        assertThat(dob.document().selectFirst("#nhs-login").text()).isEqualTo("Continue to NHS login");
    }

    @Test
    void aLinkWithoutAnNhsNumberOffersNoNhsLogin() {
        IssuedLink link = issuer.issue(BORN);

        Page dob = journey().open(CareAccessServer.browser(), link);

        assertThat(dob.careaccessPage()).isEqualTo("dob");
        assertThat(dob.document().select("#nhs-login")).isEmpty();
        assertThat(dob.text()).doesNotContain("NHS login");
    }

    @Test
    void aLaterVisitFromTheDeviceNhsLoginTrustedNeedsNoCode() {
        IssuedLink link = linkWithNhsLoginUser("P9.Cp.Cd");
        Browser browser = CareAccessServer.browser();
        NhsLoginStub.continueToNhsLogin(browser, journey().open(browser, link), link.nhsNumber());

        Page again = enterDateOfBirth(journey().open(browser, link), BORN);

        assertThat(OidcClient.amr(journey().idTokenClaims(again))).containsExactly("dob", "device");
        assertThat(CareAccessServer.sns().publishedTo(link.mobileE164())).isEmpty();
    }

    @Test
    void aSecondDeviceAfterNhsLoginNeedsACode() {
        IssuedLink link = linkWithNhsLoginUser("P9.Cp.Cd");
        Browser first = CareAccessServer.browser();
        NhsLoginStub.continueToNhsLogin(first, journey().open(first, link), link.nhsNumber());

        Page secondDevice = enterDateOfBirth(journey().open(CareAccessServer.browser(), link), BORN);

        assertThat(secondDevice.careaccessPage()).isEqualTo("code");
        Page done = journey().enterTextedCode(secondDevice, link);
        assertThat(OidcClient.amr(journey().idTokenClaims(done))).containsExactly("dob", "sms");
        assertThat(issuer.status(link.id()).body().path("trustedDevice").path("boundBy").asText()).isEqualTo("sms");
    }

    @Test
    void nhsLoginOfAnotherPatientGetsTheMismatchPageAndNoSession() {
        IssuedLink link = linkWithNhsNumber();
        IssuedLink otherPatientsLink = linkWithNhsNumber();
        NhsLoginStub.user(otherPatientsLink.nhsNumber(), BORN, "P9.Cp.Cd");
        Browser browser = CareAccessServer.browser();

        Page refused = NhsLoginStub.continueToNhsLogin(browser, journey().open(browser, link), otherPatientsLink.nhsNumber());

        assertMismatch(refused);
        assertThat(browser.cookies()).as("no session in the patients realm")
                .noneMatch(c -> c.name().equals("KEYCLOAK_IDENTITY") && c.path().startsWith("/realms/patients/"));
        assertThat(issuer.status(link.id()).body().path("trustedDevice").isMissingNode()).as("no trusted device").isTrue();
        assertThat(patientEvents(patientId(otherPatientsLink), "LOGIN_ERROR")).anySatisfy(e -> {
            assertThat(e.path("error").asText()).isEqualTo("careaccess_nhslogin_mismatch");
            assertThat(e.path("details").path("careaccess_reason").asText()).isEqualTo("other_patients_link");
            assertThat(e.path("details").path("careaccess_link_id").asText()).isEqualTo(link.id());
        });
        Page reload = browser.open(refused.uri());
        assertThat(reload.isRedirect()).as("reloading the page gives no way in").isFalse();
    }

    @Test
    void nhsLoginWithAnNhsNumberNoPatientHasGetsTheMismatchPageAndNoAccount() {
        IssuedLink link = linkWithNhsNumber();
        String unknown = TestPatients.nextNhsNumber();
        NhsLoginStub.user(unknown, BORN, "P9.Cp.Cd");

        Browser browser = CareAccessServer.browser();
        Page refused = NhsLoginStub.continueToNhsLogin(browser, journey().open(browser, link), unknown);

        assertMismatch(refused);
        assertThat(patientsWithNhsNumber(unknown)).as("no account made").isEmpty();
    }

    @Test
    void aVectorOfTrustThatWasNotRequestedIsRefused() {
        IssuedLink link = linkWithNhsLoginUser("P5.Cp.Cd");

        Browser browser = CareAccessServer.browser();
        Page back = NhsLoginStub.continueToNhsLogin(browser, journey().open(browser, link), link.nhsNumber());

        assertThat(back.careaccessPage()).as("back to the date of birth").isEqualTo("dob");
        assertThat(back.errors()).containsExactly("We could not use your NHS login to confirm who you are.");
        assertThat(federatedIdentities(patientId(link))).isEmpty();
        List<JsonNode> refusals = realmEvents("IDENTITY_PROVIDER_LOGIN_ERROR");
        assertThat(refusals).anySatisfy(e -> {
            assertThat(e.path("error").asText()).isEqualTo("careaccess_nhslogin_refused");
            assertThat(e.path("details").path("careaccess_reason").asText()).isEqualTo("vot_not_requested");
        });
        Page dob = enterDateOfBirth(back, BORN);
        assertThat(dob.isRedirect()).as("the date of birth still works").isTrue();
    }

    @Test
    void theAuthorizationRequestAsksForTheVectorsOfTrustAndTheScopes() {
        IssuedLink link = linkWithNhsNumber();
        Browser browser = new Browser(uri -> uri.toString().startsWith(CareAccessServer.server().url() + "/realms/patients/"));
        Page dob = journey().open(browser, link);

        Page toNhsLogin = browser.open(dob.document().selectFirst("#nhs-login").absUrl("href"));

        assertThat(toNhsLogin.isRedirect()).isTrue();
        assertThat(toNhsLogin.location().toString()).startsWith(NhsLoginStub.realmUrl() + "/protocol/openid-connect/auth");
        assertThat(toNhsLogin.locationParameter("vtr")).isEqualTo("[\"P9.Cp.Cd\",\"P9.Cp.Ck\",\"P9.Cm\"]");
        assertThat(toNhsLogin.locationParameter("scope").split(" ")).containsExactlyInAnyOrder("openid", "profile", "phone");
        assertThat(toNhsLogin.locationParameter("client_id")).isEqualTo("careaccess-patients");
        assertThat(toNhsLogin.locationParameter("nonce")).isNotBlank();
        assertThat(toNhsLogin.locationParameter("prompt")).isNull();
    }

    @Test
    void theTokenRequestIsAuthenticatedWithAnRs512SignedJwtAndNotASecret() {
        IssuedLink link = linkWithNhsLoginUser("P9.Cp.Cd");
        Browser first = CareAccessServer.browser();
        NhsLoginStub.continueToNhsLogin(first, journey().open(first, link), link.nhsNumber());

        JsonNode client = NhsLoginStub.client();
        assertThat(client.path("clientAuthenticatorType").asText()).isEqualTo("client-jwt");
        assertThat(client.path("attributes").path("token.endpoint.auth.signing.alg").asText()).isEqualTo("RS512");
        assertThat(NhsLoginStub.codeToTokenEvents()).as("the stand-in took a signed JWT").anySatisfy(e ->
                assertThat(e.path("details").path("client_auth_method").asText()).isEqualTo("client-jwt"));
        java.net.http.HttpResponse<String> withSecret = NhsLoginStub.tokenRequestWithSecret();
        assertThat(withSecret.statusCode()).as("a client secret is refused: " + withSecret.body()).isIn(400, 401);
        assertThat(withSecret.body()).contains("\"invalid_client\"");
        assertThat(CareAccessServer.admin().get("/realms/patients/keys").expect(200).body().path("active").path("RS512").asText())
                .as("the patients realm has an RS512 key for it").isNotBlank();
    }

    @Test
    void thePortalSignsInWithNhsLoginAloneOntoTheSamePatient() {
        IssuedLink link = linkWithNhsLoginUser("P9.Cp.Cd");
        Browser browser = CareAccessServer.browser();

        Page stubLogin = browser.open(journey().portal().authorizationUri(Map.of("kc_idp_hint", "nhs-login")));
        Page done = NhsLoginStub.signIn(stubLogin, link.nhsNumber());

        JsonNode claims = journey().idTokenClaims(done);
        assertThat(claims.path("sub").asText()).isEqualTo(patientId(link));
        assertThat(claims.has("careaccess_link")).as("no link was opened").isFalse();
        assertThat(OidcClient.amr(claims)).containsExactly("nhslogin");
        assertThat(issuer.status(link.id()).body().path("trustedDevice").isMissingNode()).as("no link, no device bound").isTrue();
    }

    @Test
    void thePortalsSignInPageOffersNhsLoginWhenNoLinkWasOpened() {
        Browser browser = CareAccessServer.browser();

        Page signIn = browser.open(journey().portal().authorizationUri());

        assertThat(signIn.careaccessPage()).isEqualTo("patient-signin");
        assertThat(signIn.document().selectFirst("#nhs-login").text()).isEqualTo("Continue to NHS login");
        IssuedLink link = linkWithNhsLoginUser("P9.Cp.Cd");
        Page done = NhsLoginStub.continueToNhsLogin(browser, signIn, link.nhsNumber());
        assertThat(journey().idTokenClaims(done).path("sub").asText()).isEqualTo(patientId(link));
    }

    @Test
    void portalSignInWithAnNhsLoginNoPatientHasGetsTheNoRecordPageAndNoAccount() {
        String unknown = TestPatients.nextNhsNumber();
        NhsLoginStub.user(unknown, BORN, "P9.Cp.Cd");
        Browser browser = CareAccessServer.browser();

        Page stubLogin = browser.open(journey().portal().authorizationUri(Map.of("kc_idp_hint", "nhs-login")));
        Page refused = NhsLoginStub.signIn(stubLogin, unknown);

        assertThat(refused.careaccessPage()).isEqualTo("nhslogin-no-record");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.heading()).isEqualTo("We could not find your details");
        assertThat(patientsWithNhsNumber(unknown)).isEmpty();
    }

    @Test
    void theNhsLoginPagesAreInWelshForAWelshBrowser() {
        IssuedLink link = linkWithNhsNumber();

        Page dob = journey().open(CareAccessServer.browser().acceptLanguage("cy"), link);

        assertThat(dob.document().selectFirst("#nhs-login").text()).isEqualTo("Parhau i NHS login");
    }

    @Test
    void theServerListsTheNhsLoginProviderType() {
        assertThat(CareAccessServer.admin().get("/serverinfo").expect(200).body().path("identityProviders").toString())
                .contains("careaccess-nhs-login").contains("NHS login");
    }

    /** A link whose patient has an NHS login (at the stand-in) meeting {@code vot}. */
    private IssuedLink linkWithNhsLoginUser(String vot) {
        IssuedLink link = linkWithNhsNumber();
        NhsLoginStub.user(link.nhsNumber(), BORN, vot);
        return link;
    }

    private IssuedLink linkWithNhsNumber() {
        return issuer.issue(BORN, TestPatients.nextMobile(), TestPatients.nextNhsNumber());
    }

    private static void assertMismatch(Page page) {
        assertThat(page.careaccessPage()).as(page.toString()).isEqualTo("nhslogin-mismatch");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.heading()).isEqualTo("These details do not match this link");
    }

    private String patientId(IssuedLink link) {
        return issuer.status(link.id()).expect(200).body().path("patientId").asText();
    }

    private static List<String> federatedIdentities(String userId) {
        List<String> providers = new ArrayList<>();
        CareAccessServer.admin().get("/realms/patients/users/" + userId + "/federated-identity").expect(200).body()
                .forEach(f -> providers.add(f.path("identityProvider").asText()));
        return providers;
    }

    private static List<JsonNode> patientsWithNhsNumber(String nhsNumber) {
        List<JsonNode> users = new ArrayList<>();
        CareAccessServer.admin().get("/realms/patients/users?exact=true&q=nhs_number:" + nhsNumber).expect(200).body().forEach(users::add);
        return users;
    }

    private static List<JsonNode> patientEvents(String userId, String type) {
        return events("/realms/patients/events?max=100&type=" + type + "&user=" + userId);
    }

    private static List<JsonNode> realmEvents(String type) {
        return events("/realms/patients/events?max=100&type=" + type);
    }

    private static List<JsonNode> events(String path) {
        List<JsonNode> events = new ArrayList<>();
        CareAccessServer.admin().get(path).expect(200).body().forEach(events::add);
        return events;
    }

    /** The {@code nhs-login-stub} realm ({@link NhsLoginStandIn}) on the shared server: also its client and events. */
    static final class NhsLoginStub {

        static final String REALM = NhsLoginStandIn.REALM;

        private NhsLoginStub() {
        }

        static String realmUrl() {
            return CareAccessServer.server().realmUrl(REALM);
        }

        static void user(String nhsNumber, LocalDate birthDate, String vot) {
            NhsLoginStandIn.user(CareAccessServer.admin(), nhsNumber, birthDate, vot);
        }

        static Page continueToNhsLogin(Browser browser, Page withButton, String nhsNumber) {
            return NhsLoginStandIn.continueToNhsLogin(browser, withButton, nhsNumber);
        }

        static Page signIn(Page stubLogin, String nhsNumber) {
            return NhsLoginStandIn.signIn(stubLogin, nhsNumber);
        }

        static JsonNode client() {
            return CareAccessServer.admin().get("/realms/" + REALM + "/clients?clientId=careaccess-patients").expect(200).body().get(0);
        }

        static List<JsonNode> codeToTokenEvents() {
            List<JsonNode> events = new ArrayList<>();
            CareAccessServer.admin().get("/realms/" + REALM + "/events?type=CODE_TO_TOKEN&client=careaccess-patients&max=100").expect(200)
                    .body().forEach(events::add);
            return events;
        }

        /** A token request that authenticates with a client secret instead, as a misconfigured broker would. */
        static java.net.http.HttpResponse<String> tokenRequestWithSecret() {
            try {
                return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(realmUrl() + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "grant_type=authorization_code&code=x&client_id=careaccess-patients&client_secret=guess"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
