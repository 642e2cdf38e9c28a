package org.careaccess.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.it.CareAccessServer.journey;
import static org.careaccess.testkit.PatientJourney.enterDateOfBirth;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.careaccess.testkit.Browser;
import org.careaccess.testkit.Cookie;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.LinkIssuerApi.IssuedLink;
import org.careaccess.testkit.Page;
import org.careaccess.testkit.TestPatients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Device-cookie fixation: an attacker makes their browser the trusted device of their own link
 * (cookie value C), plants C in the victim's browser (a shared computer, a sibling subdomain) and
 * waits for the victim to bind their link with it. Every binding mints a fresh value, so a
 * browser holding C never becomes trusted for the victim's link.
 */
@ExtendWith(CareAccessServer.class)
class TrustedDeviceFixationIT {

    private static final LocalDate ATTACKERS_BIRTHDAY = LocalDate.of(1990, 7, 1);
    private static final LocalDate VICTIMS_BIRTHDAY = LocalDate.of(1984, 3, 15);

    private final LinkIssuerApi issuer = journey().issuer();

    @Test
    void aPlantedCookieNeverMakesThePlantersBrowserTrustedForAFirstUseBinding() {
        IssuedLink attackersLink = issuer.issue(ATTACKERS_BIRTHDAY);
        Cookie planted = journey().signedInFirstDevice(attackersLink).cookie("CAREACCESS_DEVICE").orElseThrow();
        IssuedLink victimsLink = issuer.issue(VICTIMS_BIRTHDAY);
        Browser victim = holding(planted);

        Page bound = enterDateOfBirth(journey().open(victim, victimsLink), VICTIMS_BIRTHDAY);
        assertThat(bound.isRedirect()).as("the victim's browser is bound by first use").isTrue();
        assertThat(issuer.status(victimsLink.id()).body().path("trustedDevice").path("boundBy").asText()).isEqualTo("first_use");

        assertAttackerGetsOnlyTheCodePage(holding(planted), victimsLink, attackersLink);
    }

    @Test
    void aPlantedCookieNeverMakesThePlantersBrowserTrustedForABindingAfterATextedCode() {
        IssuedLink attackersLink = issuer.issue(ATTACKERS_BIRTHDAY);
        Cookie planted = journey().signedInFirstDevice(attackersLink).cookie("CAREACCESS_DEVICE").orElseThrow();
        IssuedLink victimsLink = issuer.issue(VICTIMS_BIRTHDAY);
        journey().signedInFirstDevice(victimsLink);
        Browser victimsLaptop = holding(planted);

        Page code = enterDateOfBirth(journey().open(victimsLaptop, victimsLink), VICTIMS_BIRTHDAY);
        Page bound = journey().enterTextedCode(code, victimsLink);
        assertThat(bound.isRedirect()).as("the victim's laptop is bound after the code").isTrue();
        assertThat(issuer.status(victimsLink.id()).body().path("trustedDevice").path("boundBy").asText()).isEqualTo("sms");

        assertAttackerGetsOnlyTheCodePage(holding(planted), victimsLink, attackersLink);
    }

    @Test
    void theVictimsBrowserGetsAFreshValueAndKeepsItsOtherLinks() {
        String nhsNumber = TestPatients.nextNhsNumber();
        IssuedLink first = issuer.issue(VICTIMS_BIRTHDAY, TestPatients.nextMobile(), nhsNumber);
        IssuedLink second = issuer.issue(VICTIMS_BIRTHDAY, TestPatients.nextMobile(), nhsNumber);
        Browser phone = journey().signedInFirstDevice(first);
        String before = phone.cookie("CAREACCESS_DEVICE").orElseThrow().value();

        enterDateOfBirth(journey().open(phone, second), VICTIMS_BIRTHDAY);

        String after = phone.cookie("CAREACCESS_DEVICE").orElseThrow().value();
        assertThat(after).as("a fresh value on every binding").isNotEqualTo(before);
        Browser sameDevice = holding(phone.cookie("CAREACCESS_DEVICE").orElseThrow());
        assertThat(enterDateOfBirth(journey().open(sameDevice, first), VICTIMS_BIRTHDAY).isRedirect())
                .as("the first link moved to the fresh value").isTrue();
    }

    @Test
    void aRevokedLinkNoLongerCountsAsTrustingTheBrowser() {
        String nhsNumber = TestPatients.nextNhsNumber();
        Map<String, Object> ninetyDays = new HashMap<>(LinkIssuerApi.requestBody(VICTIMS_BIRTHDAY, TestPatients.nextMobile(), nhsNumber));
        ninetyDays.put("expiresInDays", 90);
        JsonNode revoked = issuer.post(ninetyDays).expect(201).body();
        IssuedLink thirtyDays = issuer.issue(VICTIMS_BIRTHDAY, TestPatients.nextMobile(), nhsNumber);
        Browser phone = CareAccessServer.browser();
        assertThat(enterDateOfBirth(journey().openUrl(phone, revoked.path("url").asText()), VICTIMS_BIRTHDAY).isRedirect()).isTrue();
        issuer.revoke(revoked.path("id").asText()).expect(204);

        assertThat(enterDateOfBirth(journey().open(phone, thirtyDays), VICTIMS_BIRTHDAY).isRedirect()).isTrue();

        Instant expiry = Instant.parse(issuer.status(thirtyDays.id()).body().path("expiresAt").asText());
        assertThat(phone.cookie("CAREACCESS_DEVICE").orElseThrow().expires())
                .as("the cookie lasts as long as the live link, not the revoked one").isBetween(expiry.minusSeconds(120), expiry.plusSeconds(120));
    }

    /** A new browser holding this trusted-device cookie and nothing else (no Keycloak session). */
    private static Browser holding(Cookie device) {
        Browser browser = CareAccessServer.browser();
        browser.addCookie(device);
        return browser;
    }

    /** The attacker knows the victim's link and date of birth; the texted code stays on the victim's phone. */
    private static void assertAttackerGetsOnlyTheCodePage(Browser attacker, IssuedLink victimsLink,
                                                          IssuedLink attackersLink) {
        Page page = enterDateOfBirth(journey().open(attacker, victimsLink), VICTIMS_BIRTHDAY);

        assertThat(page.isRedirect()).as("no sign-in for the attacker's browser").isFalse();
        assertThat(page.careaccessPage()).as("the attacker's browser is not the victim link's trusted device").isEqualTo("code");
        assertThat(CareAccessServer.sns().publishedTo(attackersLink.mobileE164())).as("nothing texted to the attacker").isEmpty();
    }
}
