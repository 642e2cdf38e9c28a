package org.careaccess.it.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.careaccess.it.CareAccessServer;
import org.careaccess.testkit.AuthenticatorApp;
import org.careaccess.testkit.Browser;
import org.careaccess.testkit.Mobile;
import org.careaccess.testkit.OidcClient;
import org.careaccess.testkit.Page;
import org.careaccess.testkit.PatientJourney;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

/** Email and password, then this service's own second factor: set up once, asked for every time. */
@ExtendWith(CareAccessServer.class)
class StaffPasswordSignInIT {

    private static final String PASSWORD = "correct horse battery staple";

    @Test
    void passwordThenEnrolByTextThenTheNextSignInAsksForTheTextedCode() {
        String email = StaffRealm.newEmail();
        Mobile mobile = StaffRealm.newMobile();
        String id = StaffRealm.createStaff(email, PASSWORD);

        Page choose = StaffRealm.signInWithPassword(CareAccessServer.browser(), email, PASSWORD);
        assertThat(choose.careaccessPage()).isEqualTo("2fa-choose");
        Page done = StaffRealm.enrolByText(choose, mobile);
        StaffRealm.assertBackAtPortalWithCode(done);
        assertThat(StaffRealm.credentialTypes(id)).containsExactlyInAnyOrder("password", "careaccess-sms");

        Page code = StaffRealm.signInWithPassword(CareAccessServer.browser(), email, PASSWORD);
        assertThat(code.careaccessPage()).isEqualTo("2fa-sms-code");
        assertThat(code.text()).contains("ending " + mobile.lastTwoDigits());
        Page portal = code.form().set("code", CareAccessServer.sns().latestCodeTo(mobile.e164())).submit();
        StaffRealm.assertBackAtPortalWithCode(portal);
        assertThat(StaffRealm.portal().redeem(portal).path("access_token").asText()).isNotBlank();
        assertThat(StaffRealm.events(id, "LOGIN").get(0).path("details").path("careaccess_2fa").asText()).isEqualTo("sms");
    }

    @Test
    void theMobileNumberLivesOnlyInTheCredentialAndTheAccountConsoleListsIt() {
        String email = StaffRealm.newEmail();
        Mobile mobile = StaffRealm.newMobile();
        String id = StaffRealm.staffWithText(email, PASSWORD, mobile);

        JsonNode user = StaffRealm.admin().get("/realms/staff/users/" + id).expect(200).body();
        assertThat(user.toString()).doesNotContain(mobile.e164()).doesNotContain(mobile.e164().substring(3));
        JsonNode credential = null;
        for (JsonNode c : StaffRealm.admin().get("/realms/staff/users/" + id + "/credentials").expect(200).body()) {
            if (c.path("type").asText().equals("careaccess-sms")) {
                credential = c;
            }
        }
        assertThat(credential).isNotNull();
        assertThat(credential.path("userLabel").asText()).isEqualTo("Mobile ending " + mobile.lastTwoDigits());
        assertThat(credential.toString()).doesNotContain(mobile.e164().substring(3));

        // The account console lists the text-message credential under two-factor authentication, by its label only.
        Page portal = StaffRealm.signInWithText(CareAccessServer.browser(), email, PASSWORD, mobile.e164());
        String token = StaffRealm.portal().redeem(portal).path("access_token").asText();
        JsonNode types = StaffRealm.accountApi(token, "/credentials");
        assertThat(types.findValuesAsText("type")).contains("careaccess-sms");
        assertThat(types.findValuesAsText("category")).anySatisfy(c -> assertThat(c).isIn("two-factor", "TWO_FACTOR"));
        assertThat(types.toString()).contains("Mobile ending " + mobile.lastTwoDigits())
                .contains("careaccess-sms-display-name").doesNotContain(mobile.e164().substring(3));
    }

    @Test
    void enrolByAuthenticatorAppWithAComputedCodeThenTheNextSignInAsksForTheAppCode() {
        String email = StaffRealm.newEmail();
        String id = StaffRealm.createStaff(email, PASSWORD);

        Page choose = StaffRealm.signInWithPassword(CareAccessServer.browser(), email, PASSWORD);
        Page setUp = choose.form().set("method", "app").submit();
        assertThat(setUp.careaccessPage()).isEqualTo("2fa-app");
        assertThat(setUp.document().selectFirst("img.careaccess-qr-code").attr("src")).startsWith("data:image/svg+xml;base64,");
        assertThat(setUp.document().selectFirst("img.careaccess-qr-code").attr("alt")).isNotBlank();
        assertThat(setUp.document().selectFirst("#app-key").text()).matches("[A-Z2-7]{4}( [A-Z2-7]{1,4})+");
        StaffRealm.AppEnrolment enrolment = StaffRealm.enrolByApp(choose);
        AuthenticatorApp app = enrolment.app();
        StaffRealm.assertBackAtPortalWithCode(enrolment.after());
        assertThat(StaffRealm.credentialTypes(id)).containsExactlyInAnyOrder("password", "otp");

        Page code = StaffRealm.signInWithPassword(CareAccessServer.browser(), email, PASSWORD);
        assertThat(code.careaccessPage()).isEqualTo("2fa-app-code");
        assertThat(code.document().select("button[name=method]")).as("no other method to switch to").isEmpty();
        StaffRealm.assertBackAtPortalWithCode(code.form().set("code", app.nextCode()).submit());
    }

    @Test
    void withBothMethodsTheUserCanSwitchBetweenThem() {
        String email = StaffRealm.newEmail();
        Mobile mobile = StaffRealm.newMobile();
        StaffRealm.createStaff(email, PASSWORD);
        Browser browser = CareAccessServer.browser();
        StaffRealm.assertBackAtPortalWithCode(StaffRealm.enrolByText(StaffRealm.signInWithPassword(browser, email, PASSWORD), mobile));

        // Adding the app from the portal's security settings, in the same (two-factor) session.
        Page choose = browser.open(StaffRealm.portal().authorizationUri(Map.of("kc_action", "careaccess-2fa-setup")));
        assertThat(choose.careaccessPage()).isEqualTo("2fa-choose");
        StaffRealm.AppEnrolment enrolment = StaffRealm.enrolByApp(choose);
        AuthenticatorApp app = enrolment.app();
        assertThat(enrolment.after().locationParameter("kc_action_status")).isEqualTo("success");

        Page sms = StaffRealm.signInWithPassword(CareAccessServer.browser(), email, PASSWORD);
        assertThat(sms.careaccessPage()).isEqualTo("2fa-sms-code");
        Page appCode = sms.form().submit("method");
        assertThat(appCode.careaccessPage()).isEqualTo("2fa-app-code");
        Page backToSms = appCode.form().submit("method");
        assertThat(backToSms.careaccessPage()).isEqualTo("2fa-sms-code");
        Page again = backToSms.form().submit("method");
        StaffRealm.assertBackAtPortalWithCode(again.form().set("code", app.nextCode()).submit());
    }

    @Test
    void wrongCodesCountTowardsBruteForceProtectionAndALockedUserGetsNoText() {
        String email = StaffRealm.newEmail();
        Mobile mobile = StaffRealm.newMobile();
        String id = StaffRealm.staffWithText(email, PASSWORD, mobile);

        Page page = StaffRealm.signInWithPassword(CareAccessServer.browser(), email, PASSWORD);
        assertThat(page.careaccessPage()).isEqualTo("2fa-sms-code");
        String right = CareAccessServer.sns().latestCodeTo(mobile.e164());
        String wrong = right.equals("000000") ? "111111" : "000000";
        // The realm locks after 10 failures: 5 wrong tries kill the code, 5 more find no live code.
        for (int i = 1; i <= 10; i++) {
            page = typeWrongCode(page, wrong, id, i);
            assertThat(page.status()).isLessThan(500);
        }
        StaffRealm.awaitLockedOut(id);
        int textsBefore = CareAccessServer.sns().publishedTo(mobile.e164()).size();

        Page resend = page.form().submit("resend");
        assertThat(resend.errors()).anySatisfy(e -> assertThat(e).contains("too many wrong codes"));
        Page newSignIn = StaffRealm.signInWithPassword(CareAccessServer.browser(), email, PASSWORD);
        assertThat(newSignIn.careaccessPage()).isEqualTo("staff-signin");
        assertThat(newSignIn.errors()).anySatisfy(e -> assertThat(e).contains("too many wrong attempts"));

        assertThat(CareAccessServer.sns().publishedTo(mobile.e164())).hasSize(textsBefore);
        assertThat(StaffRealm.events(id, "LOGIN_ERROR")).hasSizeGreaterThanOrEqualTo(10);
        StaffRealm.admin().delete("/realms/staff/attack-detection/brute-force/users/" + id);
    }

    @Test
    void theRightCodeAfterSomeWrongOnesClearsTheFailureCount() {
        String email = StaffRealm.newEmail();
        Mobile mobile = StaffRealm.newMobile();
        String id = StaffRealm.staffWithText(email, PASSWORD, mobile);
        Page page = StaffRealm.signInWithPassword(CareAccessServer.browser(), email, PASSWORD);
        String right = CareAccessServer.sns().latestCodeTo(mobile.e164());
        String wrong = right.equals("000000") ? "111111" : "000000";
        for (int i = 1; i <= 3; i++) {
            page = typeWrongCode(page, wrong, id, i);
        }
        assertThat(bruteForce(id).path("disabled").asBoolean()).isFalse();

        StaffRealm.assertBackAtPortalWithCode(page.form().set("code", right).submit());

        assertThat(bruteForce(id).path("numFailures").asInt()).isZero();
    }

    /**
     * A person typing a wrong code: more than a second after the last one (Keycloak treats faster
     * failures as an attack and locks at once), then waits until brute-force protection counted it
     * (it counts on a background thread).
     */
    private static Page typeWrongCode(Page page, String wrong, String userId, int failuresAfter) {
        if (failuresAfter > 1) {
            PatientJourney.pauseBetweenTries();
        }
        Page next = page.form().set("code", wrong).submit();
        awaitFailures(userId, failuresAfter);
        return next;
    }

    private static void awaitFailures(String userId, int count) {
        for (int i = 0; i < 50 && bruteForce(userId).path("numFailures").asInt() != count; i++) {
            StaffRealm.pause(100);
        }
        assertThat(bruteForce(userId).path("numFailures").asInt()).isEqualTo(count);
    }

    private static JsonNode bruteForce(String userId) {
        return StaffRealm.admin().get("/realms/staff/attack-detection/brute-force/users/" + userId).expect(200).body();
    }

    @Test
    void aTextThatCannotBeSentShowsTheRetryPageAndCountsNothing() {
        String email = StaffRealm.newEmail();
        Mobile mobile = StaffRealm.newMobile();
        StaffRealm.staffWithText(email, PASSWORD, mobile);

        CareAccessServer.sns().failWith(503);
        Page failed;
        try {
            failed = StaffRealm.signInWithPassword(CareAccessServer.browser(), email, PASSWORD);
        } finally {
            CareAccessServer.sns().behave();
        }
        assertThat(failed.careaccessPage()).isEqualTo("sms-failed");
        assertThat(failed.heading()).isEqualTo("We could not send a text message just now");

        Page code = failed.form().submit("resend");
        assertThat(code.careaccessPage()).isEqualTo("2fa-sms-code");
        StaffRealm.assertBackAtPortalWithCode(code.form().set("code", CareAccessServer.sns().latestCodeTo(mobile.e164())).submit());
    }

    @Test
    void thePasswordGrantIsRefusedBecauseItWouldSkipTwoFactor() {
        String email = StaffRealm.newEmail();
        StaffRealm.staffWithText(email, PASSWORD, StaffRealm.newMobile());
        OidcClient adminCli = new OidcClient(CareAccessServer.server().realmUrl("staff"), "admin-cli", null, null);

        assertThatThrownBy(() -> adminCli.tokenRequest(Map.of("grant_type", "password", "username", email, "password", PASSWORD)))
                .hasMessageContaining("token request failed: 40");
    }

    @Test
    void anNhsmailAddressGetsTheHintToUseNhsmail() {
        Page page = StaffRealm.signInWithPassword(CareAccessServer.browser(), "someone.else@nhs.net", "not their password");

        assertThat(page.careaccessPage()).isEqualTo("staff-signin");
        assertThat(page.document().selectFirst("#nhsmail-hint").hasAttr("hidden")).isFalse();
        assertThat(page.document().selectFirst("#nhsmail-hint").text()).contains("Log in with NHSmail");
        assertThat(page.document().selectFirst("#nhsmail").text()).isEqualTo("Log in with NHSmail");
        Page other = StaffRealm.signInWithPassword(CareAccessServer.browser(), StaffRealm.newEmail(), "wrong");
        assertThat(other.document().selectFirst("#nhsmail-hint").hasAttr("hidden")).isTrue();
    }

    @ParameterizedTest(name = "[{index}] email ''{0}'', password ''{1}''")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "''                   | secret   | Enter your email address",
            "KNOWN                | ''       | Enter your password",
            "KNOWN                | wrong    | The email address or password is not correct",
            "nobody@example.org   | whatever | The email address or password is not correct",
            "NULL                 | NULL     | Enter your email address",
            "LONG                 | x        | The email address or password is not correct"})
    void badInputOnTheSignInPageGetsAClearMessageAndNoSession(String email, String password, String message) {
        String known = StaffRealm.newEmail();
        StaffRealm.createStaff(known, PASSWORD);
        Page signIn = StaffRealm.openPortalSignIn(CareAccessServer.browser());
        var form = signIn.form("#staff-signin");
        if (email == null) {
            form.remove("username").remove("password");
        } else {
            form.set("username", switch (email) {
                case "KNOWN" -> known;
                case "LONG" -> "x".repeat(5000) + "@example.org";
                default -> email;
            }).set("password", password);
        }

        Page page = form.submit();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.careaccessPage()).isEqualTo("staff-signin");
        assertThat(page.errors()).containsExactly(message);
        assertThat(page.title()).startsWith("Error:");
    }

    @ParameterizedTest(name = "[{index}] code ''{0}''")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "''          | Enter the security code",
            "12345       | Enter the 6-digit security code",
            "abcdef      | Enter the 6-digit security code",
            "1234567     | Enter the 6-digit security code",
            "NULL        | Enter the security code",
            "HUGE        | Enter the 6-digit security code"})
    void badInputOnTheCodePageGetsAClearMessage(String typed, String message) {
        String email = StaffRealm.newEmail();
        Mobile mobile = StaffRealm.newMobile();
        StaffRealm.staffWithText(email, PASSWORD, mobile);
        Page code = StaffRealm.signInWithPassword(CareAccessServer.browser(), email, PASSWORD);
        var form = code.form();
        if (typed == null) {
            form.remove("code");
        } else {
            form.set("code", typed.equals("HUGE") ? "9".repeat(10_000) : typed);
        }

        Page page = form.submit();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.careaccessPage()).isEqualTo("2fa-sms-code");
        assertThat(page.errors()).containsExactly(message);
        assertThat(page.document().selectFirst("#code").attr("aria-describedby")).contains("code-error");
    }

    @Test
    void switchingToAMethodThePersonDoesNotHaveChangesNothing() {
        String email = StaffRealm.newEmail();
        Mobile mobile = StaffRealm.newMobile();
        StaffRealm.staffWithText(email, PASSWORD, mobile);
        Page code = StaffRealm.signInWithPassword(CareAccessServer.browser(), email, PASSWORD);

        for (String method : List.of("app", "nonsense", "")) {
            Page page = code.form().set("method", method).submit();
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.careaccessPage()).isEqualTo("2fa-sms-code");
        }
    }

    @ParameterizedTest(name = "[{index}] {0} ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "method | ''              | Select how you want to get security codes",
            "method | carrier-pigeon  | Select how you want to get security codes",
            "mobile | ''              | Enter a mobile phone number",
            "mobile | 020 7946 0000   | Enter a mobile phone number: this is a landline number, which cannot receive text messages",
            "mobile | not a number    | Enter a mobile phone number in the correct format, like 07700 900 982",
            "mobile | +33 6 12 34 56 78 | Enter a UK mobile phone number",
            "confirm | 000000          | The security code is not correct. Check it and try again",
            "app    | 12               | Enter the 6-digit security code",
            "app    | ''               | Enter the security code"})
    void badInputWhileSettingUpGetsAClearMessage(String step, String typed, String message) {
        String email = StaffRealm.newEmail();
        StaffRealm.createStaff(email, PASSWORD);
        Page page = StaffRealm.signInWithPassword(CareAccessServer.browser(), email, PASSWORD);
        String expectedPage = switch (step) {
            case "method" -> {
                page = page.form().set("method", typed).submit();
                yield "2fa-choose";
            }
            case "mobile" -> {
                page = page.form().set("method", "sms").submit().form().set("mobile", typed).submit();
                yield "2fa-sms-number";
            }
            case "confirm" -> {
                Mobile mobile = StaffRealm.newMobile();
                Page confirm = page.form().set("method", "sms").submit().form().set("mobile", mobile.typed()).submit();
                String right = CareAccessServer.sns().latestCodeTo(mobile.e164());
                page = confirm.form().set("code", right.equals(typed) ? "111111" : typed).submit();
                yield "2fa-sms-confirm";
            }
            default -> {
                page = page.form().set("method", "app").submit().form().set("code", typed).submit();
                yield "2fa-app";
            }
        };

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.careaccessPage()).isEqualTo(expectedPage);
        assertThat(page.errors()).containsExactly(message);
    }
}
