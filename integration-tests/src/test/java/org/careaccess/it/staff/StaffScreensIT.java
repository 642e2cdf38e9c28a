package org.careaccess.it.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.careaccess.it.CareAccessServer;
import org.careaccess.it.Screens;
import org.careaccess.testkit.Browser;
import org.careaccess.testkit.Mobile;
import org.careaccess.testkit.OidcClient;
import org.careaccess.testkit.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every staff screen in real Chromium, audited with axe-core against WCAG 2.2 AA, with 375 px and
 * 1280 px screenshots in {@code integration-tests/target/screenshots/}. Chromium stays on this
 * server: the screens' client sends people back to one of Keycloak's own JSON endpoints.
 */
@ExtendWith({CareAccessServer.class, Screens.class})
class StaffScreensIT {

    private static final String PASSWORD = "screens password 1";
    private static OidcClient screensClient;

    @BeforeAll
    static void clientThatStaysOnThisServer() {
        String secret = "secret-it-screens";
        String redirect = CareAccessServer.server().realmUrl("staff") + "/protocol/openid-connect/certs";
        StaffRealm.admin().post("/realms/staff/clients", Map.of("clientId", "it-screens", "secret", secret, "publicClient", false,
                "standardFlowEnabled", true, "redirectUris", List.of(redirect))).expect(201);
        screensClient = new OidcClient(CareAccessServer.server().realmUrl("staff"), "it-screens", secret, redirect);
    }

    @Test
    void theSignInScreensAreAccessible() {
        ChromeDriver chromium = fresh();
        chromium.get(screensClient.authorizationUri().toString());
        assertPage("staff-signin");
        Screens.assertAccessible("staff-signin");

        chromium.findElement(By.id("username")).sendKeys("someone.else@nhs.net");
        assertThat(chromium.findElement(By.id("nhsmail-hint")).isDisplayed()).as("the NHSmail hint while typing").isTrue();
        Screens.assertAccessible("staff-signin-nhsmail-hint");

        chromium.findElement(By.id("username")).clear();
        click("sign-in");
        assertPage("staff-signin");
        assertThat(chromium.findElement(By.cssSelector(".nhsuk-error-summary")).getText()).contains("Enter your email address");
        Screens.assertAccessible("staff-signin-error");

        chromium.findElement(By.id("username")).sendKeys(StaffRealm.newEmail());
        click("send-link");
        assertPage("sign-in-link-sent");
        Screens.assertAccessible("sign-in-link-sent");

        chromium.get(CareAccessServer.server().realmUrl("staff") + "/careaccess-signin/link/" + "A".repeat(43));
        assertPage("sign-in-link-invalid");
        Screens.assertAccessible("sign-in-link-invalid");
    }

    @Test
    void aLinkOpenedInAnotherBrowserShowsAnAccessiblePage() {
        String email = StaffRealm.newEmail();
        StaffRealm.createStaff(email, PASSWORD);
        SignInLinkIT.askForLink(CareAccessServer.browser(), StaffRealm.portal(), email);
        String link = SignInLinkIT.link(StaffRealm.mails().awaitTo(email, 1, StaffRealm.MAIL_WAIT));

        fresh().get(link);

        assertPage("sign-in-link-other-browser");
        Screens.assertAccessible("sign-in-link-other-browser");
    }

    @Test
    void theSetUpScreensAreAccessible() {
        String email = StaffRealm.newEmail();
        StaffRealm.createStaff(email, PASSWORD);
        signIn(fresh(), email);
        assertPage("2fa-choose");
        Screens.assertAccessible("2fa-choose");

        click("continue");
        assertPage("2fa-choose");
        Screens.assertAccessible("2fa-choose-error");

        Screens.chromium().findElement(By.id("method")).click();
        click("continue");
        assertPage("2fa-sms-number");
        Screens.assertAccessible("2fa-sms-number");

        type("mobile", "020 7946 0000");
        click("continue");
        assertPage("2fa-sms-number");
        Screens.assertAccessible("2fa-sms-number-error");

        Mobile mobile = StaffRealm.newMobile();
        Screens.chromium().findElement(By.id("mobile")).clear();
        type("mobile", mobile.typed());
        click("continue");
        assertPage("2fa-sms-confirm");
        Screens.assertAccessible("2fa-sms-confirm");

        click("change");
        assertPage("2fa-sms-number");
        click("back");
        assertPage("2fa-choose");
        Screens.chromium().findElement(By.id("method-app")).click();
        click("continue");
        assertPage("2fa-app");
        assertThat(Screens.chromium().findElement(By.cssSelector("img.careaccess-qr-code")).getAttribute("naturalWidth")).isNotEqualTo("0");
        Screens.assertAccessible("2fa-app");

        type("code", "12");
        click("continue");
        assertPage("2fa-app");
        Screens.assertAccessible("2fa-app-error");
    }

    @Test
    void theSecurityCodeScreensAreAccessible() {
        String email = StaffRealm.newEmail();
        Mobile mobile = StaffRealm.newMobile();
        StaffRealm.staffWithText(email, PASSWORD, mobile);
        Browser browser = CareAccessServer.browser();
        StaffRealm.assertBackAtPortalWithCode(StaffRealm.signInWithText(browser, email, PASSWORD, mobile.e164()));
        StaffRealm.enrolByApp(browser.open(StaffRealm.portal().authorizationUri(Map.of("kc_action", "careaccess-2fa-setup"))));

        signIn(fresh(), email);
        assertPage("2fa-sms-code");
        Screens.assertAccessible("2fa-sms-code");

        type("code", "000000".equals(CareAccessServer.sns().latestCodeTo(mobile.e164())) ? "111111" : "000000");
        click("continue");
        assertPage("2fa-sms-code");
        Screens.assertAccessible("2fa-sms-code-error");

        click("switch-method");
        assertPage("2fa-app-code");
        Screens.assertAccessible("2fa-app-code");
    }

    @Test
    void theTextFailedScreenIsAccessible() {
        String email = StaffRealm.newEmail();
        StaffRealm.staffWithText(email, PASSWORD, StaffRealm.newMobile());
        CareAccessServer.sns().failWith(503);
        try {
            signIn(fresh(), email);
            assertPage("sms-failed");
            Screens.assertAccessible("sms-failed");
        } finally {
            CareAccessServer.sns().behave();
        }
    }

    @Test
    void theResetScreensAreAccessibleInEnglishAndWelsh() {
        String email = StaffRealm.newEmail();
        Mobile mobile = StaffRealm.newMobile();
        StaffRealm.staffWithText(email, PASSWORD, mobile);
        ChromeDriver chromium = fresh();
        signIn(chromium, email);
        type("code", CareAccessServer.sns().latestCodeTo(mobile.e164()));
        click("continue");
        assertThat(chromium.getCurrentUrl()).contains("/protocol/openid-connect/certs?").contains("code=");

        chromium.get(screensClient.authorizationUri(Map.of("kc_action", "careaccess-reset-2fa", "ui_locales", "cy")).toString());
        assertPage("reset-2fa-confirm");
        assertThat(chromium.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("cy");
        Screens.assertAccessible("reset-2fa-confirm-cy");

        chromium.get(screensClient.authorizationUri(Map.of("kc_action", "careaccess-reset-2fa", "ui_locales", "en")).toString());
        assertPage("reset-2fa-confirm");
        Screens.assertAccessible("reset-2fa-confirm");
        click("confirm");
        assertPage("reset-2fa-done");
        Screens.assertAccessible("reset-2fa-done");
    }

    @Test
    void theRefusedScreensAreAccessible() {
        OidcClient passwordOnly = StaffRealm.clientWithOwnFlow("it-screens-password-only", Map.of(), false);
        String email = StaffRealm.newEmail();
        StaffRealm.staffWithText(email, PASSWORD, StaffRealm.newMobile());
        ChromeDriver chromium = fresh();
        chromium.get(passwordOnly.authorizationUri(Map.of("kc_action", "careaccess-reset-2fa")).toString());
        type("username", email);
        type("password", PASSWORD);
        click("sign-in");

        assertPage("reset-2fa-refused");
        Screens.assertAccessible("reset-2fa-refused");

        fresh().get(passwordOnly.authorizationUri(Map.of("kc_action", "careaccess-2fa-setup")).toString());
        type("username", email);
        type("password", PASSWORD);
        click("sign-in");
        assertPage("2fa-setup-refused");
        Screens.assertAccessible("2fa-setup-refused");
    }

    @Test
    void theWelshSignInScreenAndARefusedNhsmailSignInAreAccessible() {
        ChromeDriver chromium = fresh();
        chromium.get(screensClient.authorizationUri(Map.of("ui_locales", "cy")).toString());
        assertPage("staff-signin");
        assertThat(chromium.findElement(By.tagName("h1")).getText()).isEqualTo("Mewngofnodi");
        Screens.assertAccessible("staff-signin-cy");

        String outsider = "it-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        NhsMailSignInIT.stubUser(outsider, "37c354b2-85b0-47f5-b222-07b48d774ee3");
        chromium.get(screensClient.authorizationUri(Map.of("ui_locales", "en")).toString());
        click("nhsmail");
        type("username", outsider);
        type("password", "stub password 123");
        clickAndWait(By.cssSelector("form [type=submit]"));
        assertPage("staff-signin");
        assertThat(chromium.findElement(By.cssSelector(".nhsuk-error-summary")).getText()).contains("You cannot use this NHSmail account here");
        Screens.assertAccessible("staff-signin-nhsmail-refused");
    }

    private static ChromeDriver fresh() {
        ChromeDriver chromium = Screens.chromium();
        chromium.manage().deleteAllCookies();
        return chromium;
    }

    private static void signIn(ChromeDriver chromium, String email) {
        chromium.get(screensClient.authorizationUri().toString());
        type("username", email);
        type("password", PASSWORD);
        click("sign-in");
    }

    private static void type(String id, String text) {
        Screens.chromium().findElement(By.id(id)).sendKeys(text);
    }

    /** Clicks and waits for the next page (every click here submits a form or follows a link). */
    private static void click(String id) {
        clickAndWait(By.id(id));
    }

    private static void clickAndWait(By element) {
        Screens.clickAndWaitForNextPage(element);
    }

    private static void assertPage(String name) {
        String shown = Screens.chromium().findElement(By.tagName("body")).getAttribute("data-careaccess-page");
        assertThat(shown).as("screen at %s", Screens.chromium().getCurrentUrl()).isEqualTo(name);
    }
}
