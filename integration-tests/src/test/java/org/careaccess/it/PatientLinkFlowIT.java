package org.careaccess.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.it.CareAccessServer.journey;
import static org.careaccess.testkit.PatientJourney.enterDateOfBirth;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.careaccess.keycloak.secrets.Secrets;
import org.careaccess.testkit.Browser;
import org.careaccess.testkit.Cookie;
import org.careaccess.testkit.JsonApi;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.LinkIssuerApi.IssuedLink;
import org.careaccess.testkit.OidcClient;
import org.careaccess.testkit.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A patient opens a texted link: date of birth, then a trusted device or a texted code, then
 * tokens for the link's patient. Realm {@code patients}, default settings.
 */
@ExtendWith(CareAccessServer.class)
class PatientLinkFlowIT {

    private static final LocalDate BORN = LocalDate.of(1984, 3, 15);
    private static final String WITHOUT_NHS_LOGIN = "patients-flow-no-nhs-login";

    private final LinkIssuerApi issuer = journey().issuer();

    @Test
    void theTextedLinkOpensTheDateOfBirthPageWithTheNhsDateInput() {
        IssuedLink link = issuer.issue(BORN);

        Page page = journey().open(CareAccessServer.browser(), link);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.careaccessPage()).isEqualTo("dob");
        assertThat(page.heading()).contains("What is your date of birth?").contains("Questionnaire");
        assertThat(page.document().select("input[name=dob-day]").attr("autocomplete")).isEqualTo("bday-day");
        assertThat(page.document().select("input[name=dob-month]").attr("autocomplete")).isEqualTo("bday-month");
        assertThat(page.document().select("input[name=dob-year]").attr("autocomplete")).isEqualTo("bday-year");
        assertThat(page.document().select("input[name^=dob-]").eachAttr("inputmode")).containsOnly("numeric");
    }

    @Test
    void theLinkEndpointHandsTheCodeToThePortalsLoginInitiationUri() {
        IssuedLink link = issuer.issue(BORN);

        Page redirect = new Browser(uri -> false).open(link.url());

        assertThat(link.url()).isEqualTo(CareAccessServer.server().url() + "/realms/patients/careaccess/l/" + link.code());
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.location().toString()).startsWith(CareAccessServer.PORTAL_URL + "/login?");
        assertThat(redirect.locationParameter("iss")).isEqualTo(CareAccessServer.server().realmUrl("patients"));
        assertThat(redirect.locationParameter("target_link_uri")).isEqualTo(journey().portalRedirect());
        assertThat(redirect.locationParameter("careaccess_link")).isEqualTo(link.code());
        assertThat(redirect.locationParameter("client_id")).as("no authorization request of its own").isNull();
        assertThat(redirect.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void aRealmThatOptsInGetsTheDirectAuthorizationRequestWithoutStateOrPkce() {
        String realm = "patients-direct-request";
        journey().createRealmCopy(realm, Map.of());
        try {
            JsonNode settings = CareAccessServer.admin().get("/realms/" + realm).expect(200).body();
            ((com.fasterxml.jackson.databind.node.ObjectNode) settings.path("attributes")).put("careaccess.link.directAuthorizationRequest", "true");
            CareAccessServer.admin().put("/realms/" + realm, settings).expect(204);
            IssuedLink link = journey().issuer(realm).issue(BORN);

            Page redirect = new Browser(uri -> false).open(link.url());

            assertThat(redirect.location().getPath()).isEqualTo("/realms/" + realm + "/protocol/openid-connect/auth");
            assertThat(redirect.locationParameter("client_id")).isEqualTo("patient-portal");
            assertThat(redirect.locationParameter("redirect_uri")).isEqualTo(journey().portalRedirect());
            assertThat(redirect.locationParameter("careaccess_link")).isEqualTo(link.code());
            assertThat(redirect.locationParameter("state")).isNull();
            assertThat(redirect.locationParameter("code_challenge")).isNull();
        } finally {
            journey().deleteRealm(realm);
        }
    }

    @Test
    void discoveryListsTheCareAccessClaims() {
        JsonNode discovery = org.careaccess.testkit.JsonApi.withBearer(CareAccessServer.server().realmUrl("patients"), null)
                .send("GET", "/.well-known/openid-configuration", null, null).expect(200).body();

        java.util.List<String> claims = new java.util.ArrayList<>();
        discovery.path("claims_supported").forEach(claim -> claims.add(claim.asText()));
        assertThat(claims).contains("careaccess_link", "amr", "sub", "iss", "nonce");
        assertThat(discovery.path("code_challenge_methods_supported").toString()).contains("S256");
    }

    @Test
    void aSecondDeviceWithinTheCooldownIsToldTheCodeWasSentEarlierStillWorksAndWhenToAskAgain() {
        IssuedLink link = issuer.issue(BORN);
        journey().signedInFirstDevice(link);
        Page first = enterDateOfBirth(journey().open(CareAccessServer.browser(), link), BORN);
        assertThat(first.text()).contains("We have sent a security code");
        int texts = CareAccessServer.sns().publishedTo(link.mobileE164()).size();

        Page second = enterDateOfBirth(journey().open(CareAccessServer.browser(), link), BORN);

        assertThat(CareAccessServer.sns().publishedTo(link.mobileE164())).as("nothing was sent").hasSize(texts);
        String ending = link.mobileE164().substring(link.mobileE164().length() - 2);
        assertThat(second.text()).doesNotContain("We have sent")
                .contains("We sent a security code by text message to your mobile phone number ending " + ending
                        + " less than a minute ago. It still works.")
                .containsPattern("You can request a new code in [0-9]+ seconds?\\.");
        assertThat(journey().enterTextedCode(second, link).isRedirect()).as("the code sent earlier works here").isTrue();
    }

    @Test
    void firstDeviceNeedsNoCodeAndGetsTokensForTheLinksPatient() {
        IssuedLink link = issuer.issue(BORN);

        Page done = enterDateOfBirth(journey().open(CareAccessServer.browser(), link), BORN);

        assertThat(CareAccessServer.sns().publishedTo(link.mobileE164())).isEmpty();
        JsonNode claims = journey().idTokenClaims(done);
        assertThat(claims.path("sub").asText()).isEqualTo(patientId(link));
        assertThat(claims.path("careaccess_link").path("id").asText()).isEqualTo(link.id());
        assertThat(claims.path("careaccess_link").path("purpose").asText()).isEqualTo("questionnaire");
        assertThat(claims.path("careaccess_link").path("resource").asText()).isEqualTo("q-123");
        assertThat(OidcClient.amr(claims)).as("no code was typed and no trusted device was shown").containsExactly("dob");
        assertThat(issuer.status(link.id()).body().path("trustedDevice").path("boundBy").asText()).isEqualTo("first_use");
    }

    @Test
    void theAccessTokenAndUserinfoCarryTheLinkClaimAndAmrToo() {
        IssuedLink link = issuer.issue(BORN);
        Page done = enterDateOfBirth(journey().open(CareAccessServer.browser(), link), BORN);

        JsonNode tokens = journey().tokens(done);

        JsonNode access = org.careaccess.testkit.OidcClient.claims(tokens.path("access_token").asText());
        assertThat(access.path("careaccess_link").path("id").asText()).isEqualTo(link.id());
        assertThat(OidcClient.amr(access)).containsExactly("dob");
        JsonNode refreshed = journey().portal().tokenRequest(Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.path("refresh_token").asText()));
        assertThat(org.careaccess.testkit.OidcClient.claims(refreshed.path("access_token").asText()).path("careaccess_link").path("id").asText())
                .as("a refreshed token still says which link").isEqualTo(link.id());
    }

    @Test
    void theTrustedDeviceCookieIsHttpOnlySecureLaxOnTheRealmPathAndExpiresWithTheLink() {
        IssuedLink link = issuer.issue(BORN);

        Browser phone = journey().signedInFirstDevice(link);

        Cookie device = phone.cookie("CAREACCESS_DEVICE").orElseThrow();
        assertThat(device.httpOnly()).isTrue();
        assertThat(device.secure()).isTrue();
        assertThat(device.sameSite()).isEqualToIgnoringCase("Lax");
        assertThat(device.path()).isEqualTo("/realms/patients/");
        assertThat(device.value()).as("256 bits, base64url").matches("[A-Za-z0-9_-]{43}");
        Instant linkExpiry = Instant.parse(issuer.status(link.id()).body().path("expiresAt").asText());
        assertThat(device.expires()).isBetween(linkExpiry.minusSeconds(120), linkExpiry.plusSeconds(120));
        assertThat(DevDatabase.queryString("select DEVICE_HASH from CAREACCESS_PATIENT_LINK where ID = ?", link.id()))
                .as("only the cookie's SHA-256 is stored").isEqualTo(Secrets.sha256Hex(device.value()));
    }

    @Test
    void theTrustedDeviceComesBackWithoutACodeAndTheTokenSaysDevice() {
        IssuedLink link = issuer.issue(BORN);
        Browser phone = journey().signedInFirstDevice(link);

        Page again = enterDateOfBirth(journey().open(phone, link), BORN);

        assertThat(CareAccessServer.sns().publishedTo(link.mobileE164())).isEmpty();
        assertThat(OidcClient.amr(journey().idTokenClaims(again))).containsExactly("dob", "device");
    }

    @Test
    void aSecondDeviceNeedsATextedCodeThenBecomesTheOnlyTrustedDevice() {
        IssuedLink link = issuer.issue(BORN);
        Browser phone = journey().signedInFirstDevice(link);
        Browser laptop = CareAccessServer.browser();

        Page code = enterDateOfBirth(journey().open(laptop, link), BORN);

        assertThat(code.careaccessPage()).isEqualTo("code");
        assertThat(code.heading()).isEqualTo("Check your phone");
        assertThat(code.text()).contains("ending " + link.mobileE164().substring(link.mobileE164().length() - 2));
        assertThat(code.text()).doesNotContain(link.mobileE164()).doesNotContain("7700 900");
        assertThat(code.document().select("input[name=code]").attr("autocomplete")).isEqualTo("one-time-code");
        assertThat(code.document().select("input[name=code]").attr("inputmode")).isEqualTo("numeric");
        assertThat(code.document().select("button[name=resend]").text()).isEqualTo("Request a new code");
        Page done = journey().enterTextedCode(code, link);
        assertThat(OidcClient.amr(journey().idTokenClaims(done))).containsExactly("dob", "sms");
        assertThat(issuer.status(link.id()).body().path("trustedDevice").path("boundBy").asText()).isEqualTo("sms");

        Page phoneAgain = enterDateOfBirth(journey().open(phone, link), BORN);
        assertThat(phoneAgain.careaccessPage()).as("the phone is no longer the trusted device").isEqualTo("code");
        Page laptopAgain = enterDateOfBirth(journey().open(laptop, link), BORN);
        assertThat(laptopAgain.isRedirect()).as("the laptop is").isTrue();
    }

    @Test
    void theTextHasTheCodeTheServiceNameAndTheOriginBoundLine() {
        IssuedLink link = issuer.issue(BORN);
        journey().signedInFirstDevice(link);

        enterDateOfBirth(journey().open(CareAccessServer.browser(), link), BORN);

        String text = CareAccessServer.sns().publishedTo(link.mobileE164()).get(0).message();
        assertThat(text).matches("\\d{6} is your Riverside Surgery security code\\. Do not share it\\.\n\n@localhost #\\d{6}");
    }

    @Test
    void showingTheCodePageAgainNeverTextsAgain() {
        IssuedLink link = issuer.issue(BORN);
        journey().signedInFirstDevice(link);
        Browser laptop = CareAccessServer.browser();
        Page dob = journey().open(laptop, link);
        Page code = enterDateOfBirth(dob, BORN);
        assertThat(code.careaccessPage()).isEqualTo("code");

        Page resubmitted = enterDateOfBirth(dob, BORN);
        Page continued = laptop.open(currentStep(code));
        Page linkAgain = journey().open(laptop, link);

        assertThat(CareAccessServer.sns().publishedTo(link.mobileE164())).hasSize(1);
        assertThat(continued.careaccessPage()).isEqualTo("code");
        assertThat(resubmitted.status()).isLessThan(500);
        assertThat(linkAgain.careaccessPage()).isEqualTo("dob");
        assertThat(journey().enterTextedCode(enterDateOfBirth(linkAgain, BORN), link).isRedirect()).isTrue();
        assertThat(CareAccessServer.sns().publishedTo(link.mobileE164())).hasSize(1);
    }

    /** Where a browser refresh of a Keycloak page lands: the flow's current step, without a form post. */
    private static java.net.URI currentStep(Page page) {
        java.net.URI action = page.form().action();
        String query = java.util.Arrays.stream(action.getRawQuery().split("&"))
                .filter(p -> p.startsWith("client_id=") || p.startsWith("tab_id=")).collect(java.util.stream.Collectors.joining("&"));
        return action.resolve(action.getRawPath() + "?" + query);
    }

    @ParameterizedTest(name = "{0}/{1}/{2}: {3}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "''  | ''  | ''     | Enter your date of birth                                   | dob-day",
            "15  | ''  | 1984   | Date of birth must include a month                         | dob-month",
            "''  | ''  | 1984   | Date of birth must include a day and month                 | dob-day",
            "15  | 3   | ''     | Date of birth must include a year                          | dob-year",
            "31  | 2   | 1984   | Date of birth must be a real date                          | dob-day",
            "15  | 13  | 1984   | Date of birth must be a real date                          | dob-day",
            "x   | 3   | 1984   | Date of birth must be a real date                          | dob-day",
            "15  | 3   | 84     | Year must include 4 numbers                                | dob-year",
            "1   | 1   | 2999   | Date of birth must be in the past                          | dob-day",
            "31  | 12  | 1899   | Date of birth must be the same as or after 1 January 1900  | dob-year",
            "16  | 3   | 1984   | The details you entered do not match our records           | dob-day"})
    void datesThatAreMissingImpossibleFutureOrWrongGetGovUkMessages(String day, String month, String year, String message, String anchor) {
        IssuedLink link = issuer.issue(BORN);

        Page page = enterDateOfBirth(journey().open(CareAccessServer.browser(), link), day, month, year);

        assertThat(page.careaccessPage()).isEqualTo("dob");
        assertThat(page.errors()).containsExactly(message);
        assertThat(page.document().select(".nhsuk-error-summary__list a").attr("href")).isEqualTo("#" + anchor);
        assertThat(page.document().select("#dob-error").text()).isEqualTo("Error: " + message);
        assertThat(page.title()).startsWith("Error: What is your date of birth?");
        assertThat(page.document().select("input[name=dob-year]").val()).as("what was typed stays").isEqualTo(year);
    }

    @Test
    void aWrongDateSaysOnlyThatTheDetailsDoNotMatchAndNeverShowsTheRightOne() {
        IssuedLink link = issuer.issue(BORN);

        Page page = enterDateOfBirth(journey().open(CareAccessServer.browser(), link), BORN.plusDays(1));

        assertThat(page.body()).doesNotContain("1984-03-15").doesNotContain("15 March");
        assertThat(page.errors()).containsExactly("The details you entered do not match our records");
    }

    @Test
    void anUnknownCodeShowsTheLinkDoesNotWorkPage() {
        Page page = journey().openUrl(CareAccessServer.browser(), CareAccessServer.server().realmUrl("patients") + "/careaccess/l/AAAAAAAAAAAAAAAAAAAAAA");

        assertLinkInvalid(page);
    }

    @Test
    void aMalformedCodeShowsTheSamePageAndIsNeverEchoed() {
        Page page = journey().openUrl(CareAccessServer.browser(), CareAccessServer.server().realmUrl("patients")
                + "/careaccess/l/%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        assertLinkInvalid(page);
        assertThat(page.body()).doesNotContain("<script>alert");
    }

    @Test
    void aRevokedLinkShowsTheLinkDoesNotWorkPage() {
        IssuedLink link = issuer.issue(BORN);
        issuer.revoke(link.id()).expect(204);

        assertLinkInvalid(journey().open(CareAccessServer.browser(), link));
    }

    @Test
    void anExpiredLinkShowsTheLinkDoesNotWorkPage() {
        IssuedLink link = issuer.issue(BORN);
        DevDatabase.update("update CAREACCESS_PATIENT_LINK set EXPIRES_AT = ? where ID = ?", Instant.now().minusSeconds(1).toEpochMilli(), link.id());

        assertLinkInvalid(journey().open(CareAccessServer.browser(), link));
        assertThat(issuer.status(link.id()).body().path("status").asText()).isEqualTo("expired");
    }

    @Test
    void aLinkRevokedWhileThePatientIsOnTheDateOfBirthPageStopsWorking() {
        IssuedLink link = issuer.issue(BORN);
        Page dob = journey().open(CareAccessServer.browser(), link);
        issuer.revoke(link.id()).expect(204);

        assertLinkInvalid(enterDateOfBirth(dob, BORN));
    }

    @Test
    void aPortalRequestWithoutALinkAndWithoutASessionShowsTheLinkDoesNotWorkPageWhereTheRealmHasNoNhsLogin() {
        journey().createRealmCopy(WITHOUT_NHS_LOGIN, Map.of());
        try {
            assertLinkInvalid(CareAccessServer.browser().open(journey().portal(WITHOUT_NHS_LOGIN).authorizationUri()));
        } finally {
            journey().deleteRealm(WITHOUT_NHS_LOGIN);
        }
    }

    @Test
    void aPortalRequestWithoutALinkContinuesTheBrowsersSignInWithoutALinkClaim() {
        IssuedLink link = issuer.issue(BORN);
        Browser phone = journey().signedInFirstDevice(link);

        Page sso = phone.open(journey().portal().authorizationUri());

        JsonNode claims = journey().idTokenClaims(sso);
        assertThat(claims.path("sub").asText()).isEqualTo(patientId(link));
        assertThat(claims.has("careaccess_link")).isFalse();
        assertThat(OidcClient.amr(claims)).as("what the session's sign-in used").containsExactly("dob");
    }

    @Test
    void theSamePatientsSessionDoesNotSkipTheLinksOwnSteps() {
        IssuedLink link = issuer.issue(BORN);
        Browser phone = journey().signedInFirstDevice(link);

        assertThat(journey().open(phone, link).careaccessPage()).isEqualTo("dob");
    }

    @Test
    void thePagesAreInWelshForAWelshBrowser() {
        IssuedLink link = issuer.issue(BORN);

        Page page = journey().open(CareAccessServer.browser().acceptLanguage("cy"), link);

        assertThat(page.document().select("html").attr("lang")).isEqualTo("cy");
        assertThat(page.heading()).contains("Beth yw eich dyddiad geni?");
    }

    @Test
    void stepsLeaveEventsWithTheLinkIdAndNeverADateANumberOrACode() {
        IssuedLink link = issuer.issue(BORN);
        journey().signedInFirstDevice(link);
        Browser laptop = CareAccessServer.browser();
        Page code = enterDateOfBirth(enterDateOfBirth(journey().open(laptop, link), BORN.plusDays(1)), BORN);
        journey().enterTextedCode(code, link);
        String sent = CareAccessServer.sns().latestCodeTo(link.mobileE164());

        JsonNode events = CareAccessServer.admin().get("/realms/patients/events?user=" + patientId(link) + "&max=100").expect(200).body();

        java.util.List<String> details = new java.util.ArrayList<>();
        events.forEach(event -> event.path("details").forEach(value -> details.add(value.asText())));
        assertThat(details).isNotEmpty().noneMatch(value -> value.contains("1984-03-15") || value.contains("7700900")
                || value.contains(sent));
        assertThat(event(events, "LOGIN_ERROR", "careaccess_reason", "dob_mismatch").path("details").path("careaccess_link_id").asText())
                .isEqualTo(link.id());
        assertThat(event(events, "CUSTOM_REQUIRED_ACTION", "careaccess_sms", "sent").path("details").path("careaccess_masked_number").asText())
                .endsWith(link.mobileE164().substring(link.mobileE164().length() - 2));
        assertThat(event(events, "UPDATE_CREDENTIAL", "careaccess_device", "first_use")).isNotNull();
        assertThat(event(events, "UPDATE_CREDENTIAL", "careaccess_device", "sms")).isNotNull();
        assertThat(event(events, "LOGIN", "careaccess_link_id", link.id())).isNotNull();
    }

    static JsonNode event(JsonNode events, String type, String detail, String value) {
        for (JsonNode event : events) {
            if (type.equals(event.path("type").asText()) && value.equals(event.path("details").path(detail).asText())) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " event with " + detail + "=" + value + " in " + events.toPrettyString());
    }

    static void assertLinkInvalid(Page page) {
        assertThat(page.careaccessPage()).as(page.toString()).isEqualTo("link-invalid");
        assertThat(page.status()).isLessThan(500);
        assertThat(page.heading()).isEqualTo("This link does not work");
        assertThat(page.text()).contains("Contact the healthcare provider that sent you the link");
    }

    private String patientId(IssuedLink link) {
        return issuer.status(link.id()).expect(200).body().path("patientId").asText();
    }
}
