package org.careaccess.it.staff;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "Email me a sign-in link": single use, time-limited, only in the browser that asked (checked
 * before the link is used up), always followed by two-factor authentication, the same answer
 * whether or not the address has an account, and limited per address and per IP.
 */
@ExtendWith(CareAccessServer.class)
class SignInLinkIT {

    private static final String PASSWORD = "a password nobody types here";

    @Test
    void theLinkContinuesToTwoFactorAndWorksOnlyOnce() {
        String email = StaffRealm.newEmail();
        Mobile mobile = StaffRealm.newMobile();
        String id = StaffRealm.staffWithText(email, PASSWORD, mobile);
        Browser browser = CareAccessServer.browser();

        Page sent = askForLink(browser, StaffRealm.portal(), email);
        assertThat(sent.careaccessPage()).isEqualTo("sign-in-link-sent");
        Mail mail = StaffRealm.mails().awaitTo(email, 1, StaffRealm.MAIL_WAIT);
        assertThat(mail.subject()).isEqualTo("Your sign-in link for Riverside Surgery staff");
        assertThat(mail.html()).contains("<a href=\"" + link(mail));

        Page twoFactor = browser.open(link(mail));
        assertThat(twoFactor.careaccessPage()).isEqualTo("2fa-sms-code");
        Page portal = twoFactor.form().set("code", CareAccessServer.sns().latestCodeTo(mobile.e164())).submit();
        StaffRealm.assertBackAtPortalWithCode(portal);
        assertThat(StaffRealm.events(id, "LOGIN").get(0).path("details").path("careaccess_first_factor").asText()).isEqualTo("signin_link");

        Page again = browser.open(link(mail));
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.careaccessPage()).isEqualTo("sign-in-link-invalid");
    }

    @Test
    void anotherBrowserIsRefusedAndTheLinkStillWorksInTheBrowserThatAsked() {
        String email = StaffRealm.newEmail();
        Mobile mobile = StaffRealm.newMobile();
        StaffRealm.staffWithText(email, PASSWORD, mobile);
        Browser asked = CareAccessServer.browser();
        askForLink(asked, StaffRealm.portal(), email);
        String link = link(StaffRealm.mails().awaitTo(email, 1, StaffRealm.MAIL_WAIT));

        Browser scanner = CareAccessServer.browser();
        Page refused = scanner.open(link);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.careaccessPage()).isEqualTo("sign-in-link-other-browser");
        Browser otherTab = CareAccessServer.browser();
        StaffRealm.openPortalSignIn(otherTab);
        assertThat(otherTab.open(link).careaccessPage()).as("a browser in the middle of its own sign-in").isEqualTo("sign-in-link-other-browser");

        Page twoFactor = asked.open(link);
        assertThat(twoFactor.careaccessPage()).isEqualTo("2fa-sms-code");
    }

    @Test
    void theSameAnswerWhetherOrNotTheAddressHasAnAccount() {
        String known = StaffRealm.newEmail();
        StaffRealm.createStaff(known, PASSWORD);
        String disabled = StaffRealm.newEmail();
        String disabledId = StaffRealm.createStaff(disabled, PASSWORD);
        StaffRealm.admin().put("/realms/staff/users/" + disabledId, Map.of("enabled", false)).expect(204);
        String unknown = StaffRealm.newEmail();

        Page forKnown = askForLink(CareAccessServer.browser(), StaffRealm.portal(), known);
        Page forUnknown = askForLink(CareAccessServer.browser(), StaffRealm.portal(), unknown);
        Page forDisabled = askForLink(CareAccessServer.browser(), StaffRealm.portal(), disabled);

        for (Page page : List.of(forUnknown, forDisabled)) {
            assertThat(page.status()).isEqualTo(forKnown.status());
            assertThat(page.careaccessPage()).isEqualTo(forKnown.careaccessPage());
            assertThat(page.text().replace(unknown, "ADDRESS").replace(disabled, "ADDRESS"))
                    .isEqualTo(forKnown.text().replace(known, "ADDRESS"));
        }
        StaffRealm.mails().awaitTo(known, 1, StaffRealm.MAIL_WAIT);
        assertThat(StaffRealm.mails().to(unknown)).isEmpty();
        assertThat(StaffRealm.mails().to(disabled)).isEmpty();
    }

    @Test
    void aLinkPastItsConfiguredLifetimeNoLongerWorks() {
        OidcClient client = StaffRealm.clientWithOwnFlow("it-link-lifetime", Map.of("signInLinkLifetimeSeconds", "2"), true);
        String email = StaffRealm.newEmail();
        StaffRealm.createStaff(email, PASSWORD);
        Browser browser = CareAccessServer.browser();
        askForLink(browser, client, email);
        String link = link(StaffRealm.mails().awaitTo(email, 1, StaffRealm.MAIL_WAIT));

        StaffRealm.pause(3500);

        Page expired = browser.open(link);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.careaccessPage()).isEqualTo("sign-in-link-invalid");
    }

    @Test
    void byDefaultALinkWorksForFifteenMinutes() {
        String email = StaffRealm.newEmail();
        StaffRealm.createStaff(email, PASSWORD);

        Page sent = askForLink(CareAccessServer.browser(), StaffRealm.portal(), email);

        assertThat(sent.text()).contains("within 15 minutes");
        assertThat(StaffRealm.mails().awaitTo(email, 1, StaffRealm.MAIL_WAIT).text()).contains("for 15 minutes");
    }

    @Test
    void atMostFiveLinksPerAddressAnHourWhetherOrNotItHasAnAccount() {
        String known = StaffRealm.newEmail();
        StaffRealm.createStaff(known, PASSWORD);
        String unknown = StaffRealm.newEmail();

        for (String address : List.of(known, unknown)) {
            for (int i = 0; i < 5; i++) {
                assertThat(askForLink(CareAccessServer.browser(), StaffRealm.portal(), address).careaccessPage()).isEqualTo("sign-in-link-sent");
            }
            Page sixth = askForLink(CareAccessServer.browser(), StaffRealm.portal(), address);
            assertThat(sixth.careaccessPage()).isEqualTo("staff-signin");
            assertThat(sixth.errors()).containsExactly("You have asked for too many sign-in links. Wait an hour and try again, or sign in with your password.");
        }
        StaffRealm.mails().awaitTo(known, 5, StaffRealm.MAIL_WAIT);
        StaffRealm.pause(500);
        assertThat(StaffRealm.mails().to(known)).hasSize(5);
    }

    @Test
    void atMostFiftyLinksPerIpAddressAnHourThroughOneSignInStep() {
        // A flow of its own (default settings): its counter is not shared with the other tests.
        OidcClient client = StaffRealm.clientWithOwnFlow("it-link-per-ip", Map.of(), true);
        Browser browser = CareAccessServer.browser();
        for (int i = 0; i < 50; i++) {
            assertThat(askForLink(browser, client, StaffRealm.newEmail()).careaccessPage()).as("link %d", i + 1).isEqualTo("sign-in-link-sent");
        }

        Page refused = askForLink(CareAccessServer.browser(), client, StaffRealm.newEmail());

        assertThat(refused.errors()).containsExactly("You have asked for too many sign-in links. Wait an hour and try again, or sign in with your password.");
    }

    @Test
    void theEmailIsInWelshForSomeoneUsingTheWelshPages() {
        String email = StaffRealm.newEmail();
        StaffRealm.createStaff(email, PASSWORD);

        Page sent = askForLink(CareAccessServer.browser().acceptLanguage("cy"), StaffRealm.portal(), email);

        assertThat(sent.heading()).isEqualTo("Gwiriwch eich e-bost");
        Mail mail = StaffRealm.mails().awaitTo(email, 1, StaffRealm.MAIL_WAIT);
        assertThat(mail.subject()).isEqualTo("Eich dolen fewngofnodi ar gyfer Riverside Surgery staff");
        assertThat(mail.text()).contains("am 15 munud");
    }

    @ParameterizedTest(name = "[{index}] address ''{0}''")
    @ValueSource(strings = {"", "   ", "not-an-address", "two@@example.org", "LONG", "MISSING"})
    void badAddressesGetAClearMessageAndNoMail(String typed) {
        Page signIn = StaffRealm.openPortalSignIn(CareAccessServer.browser());
        var form = signIn.form("#staff-signin");
        if (typed.equals("MISSING")) {
            form.remove("username");
        } else {
            form.set("username", typed.equals("LONG") ? "a".repeat(300) + "@example.org" : typed);
        }

        Page page = form.submit("send-link");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.careaccessPage()).isEqualTo("staff-signin");
        assertThat(page.errors()).containsExactly(typed.isBlank() || typed.equals("MISSING")
                ? "Enter your email address" : "Enter an email address in the correct format, like name@example.org");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"short", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "%3Cscript%3E", "..%2F..%2Fadmin", "LONG"})
    void anUnknownOrMalformedLinkGetsTheInvalidLinkPage(String token) {
        String code = token.equals("LONG") ? "x".repeat(500) : token;
        Page page = CareAccessServer.browser().open(CareAccessServer.server().realmUrl("staff") + "/careaccess-signin/link/" + code);

        assertThat(page.status()).isEqualTo(410);
        assertThat(page.careaccessPage()).isEqualTo("sign-in-link-invalid");
        assertThat(page.body()).doesNotContain("<script>");
    }

    @Test
    void theSentPageOffersAnotherLinkAndAWayBack() {
        String email = StaffRealm.newEmail();
        StaffRealm.createStaff(email, PASSWORD);
        Browser browser = CareAccessServer.browser();
        Page sent = askForLink(browser, StaffRealm.portal(), email);

        Page again = sent.form().submit("send-link");
        assertThat(again.careaccessPage()).isEqualTo("sign-in-link-sent");
        StaffRealm.mails().awaitTo(email, 2, StaffRealm.MAIL_WAIT);
        Page back = again.form().submit("back");
        assertThat(back.careaccessPage()).isEqualTo("staff-signin");
    }

    static Page askForLink(Browser browser, OidcClient client, String email) {
        Page signIn = browser.open(client.authorizationUri());
        assertThat(signIn.careaccessPage()).isEqualTo("staff-signin");
        return signIn.form("#staff-signin").set("username", email).submit("send-link");
    }

    static String link(Mail mail) {
        return mail.link("/careaccess-signin/link/");
    }
}
