package org.careaccess.it.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.careaccess.it.CareAccessServer;
import org.careaccess.testkit.Browser;
import org.careaccess.testkit.Mails.Mail;
import org.careaccess.testkit.Mobile;
import org.careaccess.testkit.OidcClient;
import org.careaccess.testkit.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * "Settings → Account → Security → Reset two-factor authentication": the app sends the person to
 * {@code kc_action=careaccess-reset-2fa}. Only a sign-in with a second factor may do it.
 */
@ExtendWith(CareAccessServer.class)
class ResetTwoFactorIT {

    private static final String PASSWORD = "reset test password 1";
    private static final Map<String, String> RESET = Map.of("kc_action", "careaccess-reset-2fa");

    @Test
    void aPasswordOnlySignInCannotResetTwoFactor() {
        // A client whose (misconfigured) flow asks for the password only.
        OidcClient passwordOnly = StaffRealm.clientWithOwnFlow("it-password-only", Map.of(), false);
        String email = StaffRealm.newEmail();
        String id = StaffRealm.staffWithText(email, PASSWORD, StaffRealm.newMobile());

        Page refused = StaffRealm.signInWithPassword(CareAccessServer.browser().open(passwordOnly.authorizationUri(RESET)), email, PASSWORD);

        assertThat(refused.careaccessPage()).isEqualTo("reset-2fa-refused");
        assertThat(refused.heading()).isEqualTo("Sign in with a security code first");
        Page back = refused.form().submit("cancel-aia");
        assertThat(back.locationParameter("kc_action_status")).isEqualTo("cancelled");
        assertThat(StaffRealm.credentialTypes(id)).contains("careaccess-sms");
        assertThat(StaffRealm.events(id, "REMOVE_CREDENTIAL_ERROR")).isNotEmpty();

        // Nor can that session add a second method of its own.
        Browser browser = CareAccessServer.browser();
        StaffRealm.assertBackAtPortalWithCode(StaffRealm.signInWithPassword(browser.open(passwordOnly.authorizationUri()), email, PASSWORD));
        Page setUp = browser.open(passwordOnly.authorizationUri(Map.of("kc_action", "careaccess-2fa-setup")));
        assertThat(setUp.careaccessPage()).isEqualTo("2fa-setup-refused");
    }

    @Test
    void confirmedResetRemovesTwoFactorSignsOutEverywhereEmailsAndTheNextSignInSetsItUpAgain() {
        String email = StaffRealm.newEmail();
        Mobile mobile = StaffRealm.newMobile();
        String id = StaffRealm.staffWithText(email, PASSWORD, mobile);
        Browser phone = CareAccessServer.browser();
        Page other = StaffRealm.signInWithText(phone, email, PASSWORD, mobile.e164());
        String otherRefreshToken = StaffRealm.portal().redeem(other).path("refresh_token").asText();
        Browser laptop = CareAccessServer.browser();
        StaffRealm.assertBackAtPortalWithCode(StaffRealm.signInWithText(laptop, email, PASSWORD, mobile.e164()));
        assertThat(StaffRealm.sessionCount(id)).isGreaterThanOrEqualTo(2);

        Page confirm = laptop.open(StaffRealm.portal().authorizationUri(RESET));
        assertThat(confirm.careaccessPage()).isEqualTo("reset-2fa-confirm");
        Page done = confirm.form().submit("confirm");

        assertThat(done.careaccessPage()).isEqualTo("reset-2fa-done");
        assertThat(StaffRealm.credentialTypes(id)).containsExactly("password");
        assertThat(StaffRealm.sessionCount(id)).isZero();
        assertThatThrownBy(() -> StaffRealm.portal().tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", otherRefreshToken)))
                .hasMessageContaining("400");
        Mail notice = StaffRealm.mails().awaitTo(email, 1, StaffRealm.MAIL_WAIT);
        assertThat(notice.subject()).isEqualTo("Your two-factor authentication for Riverside Surgery staff was reset");
        JsonNode event = StaffRealm.events(id, "REMOVE_CREDENTIAL").get(0);
        assertThat(event.path("details").path("careaccess_reason").asText()).isEqualTo("self_reset");
        assertThat(event.path("details").path("careaccess_credentials_removed").asText()).isEqualTo("1");

        Page signIn = laptop.open(done.document().selectFirst("#sign-in-again").absUrl("href"));
        assertThat(signIn.careaccessPage()).isEqualTo("staff-signin");
        assertThat(StaffRealm.signInWithPassword(signIn, email, PASSWORD).careaccessPage()).isEqualTo("2fa-choose");
    }

    @Test
    void resetRemovesBothTheTextAndTheAppCredential() {
        StaffRealm.SignedIn person = StaffRealm.staffSignedInWithText(PASSWORD);
        String id = person.id();
        String email = person.email();
        Browser browser = person.browser();
        StaffRealm.enrolByApp(browser.open(StaffRealm.portal().authorizationUri(Map.of("kc_action", "careaccess-2fa-setup"))));
        assertThat(StaffRealm.credentialTypes(id)).contains("careaccess-sms", "otp");

        Page done = browser.open(StaffRealm.portal().authorizationUri(RESET)).form().submit("confirm");

        assertThat(done.careaccessPage()).isEqualTo("reset-2fa-done");
        assertThat(StaffRealm.credentialTypes(id)).containsExactly("password");
    }

    @Test
    void cancelLeavesEverythingAsItWas() {
        StaffRealm.SignedIn person = StaffRealm.staffSignedInWithText(PASSWORD);
        String id = person.id();
        String email = person.email();
        Browser browser = person.browser();
        int sessions = StaffRealm.sessionCount(id);

        Page confirm = browser.open(StaffRealm.portal().authorizationUri(RESET));
        Page back = confirm.form().submit("cancel-aia");

        assertThat(back.locationParameter("kc_action_status")).isEqualTo("cancelled");
        assertThat(StaffRealm.credentialTypes(id)).containsExactlyInAnyOrder("password", "careaccess-sms");
        assertThat(StaffRealm.sessionCount(id)).isEqualTo(sessions);
        assertThat(StaffRealm.mails().to(email)).isEmpty();
    }

    @Test
    void aPostWithoutConfirmationOrAReloadAfterTheResetChangesNothingFurther() {
        StaffRealm.SignedIn person = StaffRealm.staffSignedInWithText(PASSWORD);
        String id = person.id();
        String email = person.email();
        Browser browser = person.browser();
        Page confirm = browser.open(StaffRealm.portal().authorizationUri(RESET));

        Page unconfirmed = browser.post(confirm.form().action(), List.of(Map.entry("something", "else")));
        assertThat(unconfirmed.status()).isEqualTo(200);
        assertThat(unconfirmed.careaccessPage()).isEqualTo("reset-2fa-confirm");
        assertThat(StaffRealm.credentialTypes(id)).contains("careaccess-sms");

        Page done = unconfirmed.form().submit("confirm");
        assertThat(done.careaccessPage()).isEqualTo("reset-2fa-done");
        Page twice = browser.post(unconfirmed.form().action(), List.of(Map.entry("confirm", "true")));
        assertThat(twice.status()).isLessThan(500);
        Page reload = browser.open(done.uri());
        assertThat(reload.status()).isLessThan(500);
        StaffRealm.mails().awaitTo(email, 1, StaffRealm.MAIL_WAIT);
        StaffRealm.pause(500);
        assertThat(StaffRealm.mails().to(email)).as("one notice, however often the page is sent").hasSize(1);
    }
}
