package org.careaccess.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.it.CareAccessServer.journey;
import static org.careaccess.testkit.PatientJourney.pauseBetweenTries;
import static org.careaccess.testkit.PatientJourney.waitForNextSecond;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.careaccess.testkit.Browser;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.LinkIssuerApi.IssuedLink;
import org.careaccess.testkit.NhsLoginStandIn;
import org.careaccess.testkit.Page;
import org.careaccess.testkit.PatientJourney;
import org.careaccess.testkit.TestPatients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every patient screen in real headless Chromium, checked with axe-core against WCAG 2.2 AA, with
 * screenshots at 375 and 1280 px in integration-tests/target/screenshots/.
 */
@ExtendWith({CareAccessServer.class, Screens.class})
class PatientScreensIT {

    private static final LocalDate BORN = LocalDate.of(1984, 3, 15);
    private static final String NO_COOLDOWN = "patients-screens-no-cooldown";

    private final LinkIssuerApi issuer = journey().issuer();

    @BeforeAll
    static void realmForTheTextLimit() {
        journey().createRealmCopy(NO_COOLDOWN, Map.of("careaccess security code", Map.of("resendCooldownSeconds", "0")));
    }

    @AfterAll
    static void deleteRealm() {
        journey().deleteRealm(NO_COOLDOWN);
    }

    @BeforeEach
    void newBrowserProfile() {
        chromium().executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @AfterEach
    void gatewayBehaves() {
        CareAccessServer.sns().behave();
    }

    @Test
    void dateOfBirth() {
        chromium().get(issuer.issue(BORN).url());

        assertPage("dob");
        Screens.assertAccessible("patient-dob");
    }

    @Test
    void dateOfBirthWithAnError() {
        chromium().get(issuer.issue(BORN).url());
        type("dob-day", "31");
        type("dob-month", "2");
        type("dob-year", "1984");
        submit();

        assertPage("dob");
        assertThat(chromium().findElement(By.cssSelector(".nhsuk-error-summary")).getText()).contains("Date of birth must be a real date");
        Screens.assertAccessible("patient-dob-error");
    }

    @Test
    void dateOfBirthInWelsh() {
        chromium().get(issuer.issue(BORN).url());
        follow(By.cssSelector(".careaccess-language__link[lang=cy]"));

        assertPage("dob");
        assertThat(chromium().findElement(By.tagName("h1")).getText()).contains("Beth yw eich dyddiad geni?");
        Screens.assertAccessible("patient-dob-cy");
    }

    @Test
    void securityCode() {
        codePageInChromium(issuer.issue(BORN));

        assertPage("code");
        Screens.assertAccessible("patient-code");
    }

    @Test
    void securityCodeWithAnError() {
        codePageInChromium(issuer.issue(BORN));
        type("code", "12");
        submit();

        assertPage("code");
        Screens.assertAccessible("patient-code-error");
    }

    @Test
    void linkInvalid() {
        chromium().get(CareAccessServer.server().realmUrl("patients") + "/careaccess/l/AAAAAAAAAAAAAAAAAAAAAA");

        assertPage("link-invalid");
        Screens.assertAccessible("patient-link-invalid");
    }

    @Test
    void linkLocked() {
        IssuedLink link = issuer.issue(BORN);
        chromium().get(link.url());
        for (int i = 1; i <= 5; i++) {
            type("dob-day", Integer.toString(i));
            type("dob-month", "1");
            type("dob-year", "1999");
            submit();
            if (i < 5) {
                pauseBetweenTries();
            }
        }

        assertPage("link-locked");
        Screens.assertAccessible("patient-link-locked");
    }

    @Test
    void smsFailed() {
        IssuedLink link = issuer.issue(BORN);
        CareAccessServer.sns().failWith(503);
        codePageInChromium(link);

        assertPage("sms-failed");
        Screens.assertAccessible("patient-sms-failed");
    }

    @Test
    void smsLimit() {
        LinkIssuerApi noCooldown = journey().issuer(NO_COOLDOWN);
        String mobile = TestPatients.nextMobile();
        for (int n = 1; n <= 2; n++) {
            IssuedLink link = noCooldown.issue(BORN, mobile, null);
            journey().signedInFirstDevice(link);
            Page code = PatientJourney.enterDateOfBirth(journey().open(CareAccessServer.browser(), link), BORN);
            for (int text = 2; text <= 5; text++) {
                waitForNextSecond();
                code = code.form().submit("resend");
            }
        }
        codePageInChromium(noCooldown.issue(BORN, mobile, null));

        assertPage("sms-limit");
        Screens.assertAccessible("patient-sms-limit");
    }

    @Test
    void anotherPatientSignedIn() {
        IssuedLink anns = issuer.issue(BORN);
        chromium().get(anns.url());
        enterDateOfBirth(BORN);

        chromium().get(issuer.issue(BORN.plusYears(1)).url());

        assertPage("link-other-patient");
        Screens.assertAccessible("patient-link-other-patient");
    }

    @Test
    void dateOfBirthWithNhsLoginFirst() {
        chromium().get(linkWithNhsNumber().url());

        assertPage("dob");
        assertThat(chromium().findElement(By.cssSelector("main .nhsuk-button")).getAttribute("id")).isEqualTo("nhs-login");
        Screens.assertAccessible("patient-dob-nhs-login");
    }

    @Test
    void dateOfBirthWithNhsLoginInWelsh() {
        chromium().get(linkWithNhsNumber().url());
        follow(By.cssSelector(".careaccess-language__link[lang=cy]"));

        assertPage("dob");
        assertThat(chromium().findElement(By.id("nhs-login")).getText()).isEqualTo("Parhau i NHS login");
        Screens.assertAccessible("patient-dob-nhs-login-cy");
    }

    @Test
    void signInWithoutALink() {
        chromium().get(journey().portal().authorizationUri().toString());

        assertPage("patient-signin");
        Screens.assertAccessible("patient-signin");
    }

    @Test
    void nhsLoginForSomeoneElse() {
        IssuedLink link = linkWithNhsNumber();
        IssuedLink someoneElses = linkWithNhsNumber();
        NhsLoginIT.NhsLoginStub.user(someoneElses.nhsNumber(), BORN, "P9.Cp.Cd");
        chromium().get(link.url());
        follow(By.id("nhs-login"));
        signInAtTheNhsLoginStandIn(someoneElses.nhsNumber());

        assertPage("nhslogin-mismatch");
        Screens.assertAccessible("patient-nhslogin-mismatch");
    }

    @Test
    void nhsLoginWithoutARecord() {
        String unknown = TestPatients.nextNhsNumber();
        NhsLoginIT.NhsLoginStub.user(unknown, BORN, "P9.Cp.Cd");
        chromium().get(journey().portal().authorizationUri(Map.of("kc_idp_hint", "nhs-login")).toString());
        signInAtTheNhsLoginStandIn(unknown);

        assertPage("nhslogin-no-record");
        Screens.assertAccessible("patient-nhslogin-no-record");
    }

    private IssuedLink linkWithNhsNumber() {
        return issuer.issue(BORN, TestPatients.nextMobile(), TestPatients.nextNhsNumber());
    }

    /** The stand-in's own (Keycloak) login page: not a CareAccess screen, so not audited. */
    private static void signInAtTheNhsLoginStandIn(String nhsNumber) {
        new WebDriverWait(chromium(), Duration.ofSeconds(60)).until(ExpectedConditions.urlContains("/realms/" + NhsLoginIT.NhsLoginStub.REALM + "/"));
        type("username", "nhs-" + nhsNumber);
        type("password", NhsLoginStandIn.PASSWORD);
        follow(By.id("kc-login"));
    }

    /** The link's first device is a scripted browser, so Chromium is a second device and gets the code step. */
    private void codePageInChromium(IssuedLink link) {
        journey().signedInFirstDevice(link);
        chromium().get(addressForRealBrowser(link));
        enterDateOfBirth(link.birthDate());
    }

    /**
     * What a real browser opens for this link: the texted URL in the realm {@code patients}, whose
     * portal the demo portal is; in a copy of the realm, the request the test's portal starts.
     */
    private static String addressForRealBrowser(IssuedLink link) {
        if (link.realm().equals(PatientJourney.REALM)) {
            return link.url();
        }
        return journey().portal(link.realm()).authorizationUriInitiatedBy(new Browser(uri -> false).open(link.url()).location()).toString();
    }

    private void enterDateOfBirth(LocalDate date) {
        type("dob-day", Integer.toString(date.getDayOfMonth()));
        type("dob-month", Integer.toString(date.getMonthValue()));
        type("dob-year", Integer.toString(date.getYear()));
        submit();
    }

    private static void type(String field, String value) {
        var input = chromium().findElement(By.name(field));
        input.clear();
        input.sendKeys(value);
    }

    /** Presses the form's button and waits for the next page. */
    private static void submit() {
        follow(By.cssSelector("form button.nhsuk-button"));
    }

    /** Clicks a link or button that loads a page, and waits until the old page is gone. */
    private static void follow(By element) {
        Screens.clickAndWaitForNextPage(element);
    }

    private static void assertPage(String name) {
        assertThat(chromium().findElement(By.tagName("body")).getAttribute("data-careaccess-page"))
                .as(chromium().getCurrentUrl()).isEqualTo(name);
    }

    private static ChromeDriver chromium() {
        return Screens.chromium();
    }
}
