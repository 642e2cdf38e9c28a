package org.careaccess.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.it.CareAccessServer.journey;
import static org.careaccess.it.Screens.chromium;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;

import org.careaccess.testkit.Browser;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.LinkIssuerApi.IssuedLink;
import org.careaccess.testkit.Page;
import org.careaccess.testkit.PatientJourney;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The texted link ends in the demo portal (demo-portal/), which the patients realm's
 * patient-portal client is: third-party-initiated login, then the portal's own request with
 * state, nonce and PKCE, the ID token verified, and the page a real portal would show.
 */
@ExtendWith({CareAccessServer.class, Screens.class})
class PatientPortalIT {

    private static final LocalDate BORN = LocalDate.of(1984, 3, 15);

    private final LinkIssuerApi issuer = journey().issuer();

    @BeforeEach
    void newBrowserProfile() {
        chromium().executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @Test
    void theTextedLinkAndTheDateOfBirthEndOnThePortalPageWithThePurposeAndAmr() {
        IssuedLink link = issuer.issue(BORN);

        chromium().get(link.url());
        chromium().findElement(By.name("dob-day")).sendKeys("15");
        chromium().findElement(By.name("dob-month")).sendKeys("3");
        chromium().findElement(By.name("dob-year")).sendKeys("1984");
        Screens.clickAndWaitForNextPage(By.cssSelector("form button.nhsuk-button"));

        assertThat(chromium().getCurrentUrl()).isEqualTo(CareAccessServer.PORTAL_URL + "/");
        assertThat(chromium().findElement(By.tagName("h1")).getText()).isEqualTo("You are signed in");
        assertThat(chromium().findElement(By.id("patient")).getText()).isEqualTo(issuer.status(link.id()).body().path("patientId").asText());
        assertThat(chromium().findElement(By.id("purpose")).getText()).isEqualTo("questionnaire");
        assertThat(chromium().findElement(By.id("resource")).getText()).isEqualTo("q-123");
        assertThat(chromium().findElement(By.id("amr")).getText()).isEqualTo("dob (date of birth)");
        Screens.assertAccessible("portal-patient");

        Screens.clickAndWaitForNextPage(By.id("sign-out"));
        assertThat(chromium().findElement(By.tagName("h1")).getText()).isEqualTo("You are not signed in");
    }

    @Test
    void aPortalClientThatRequiresPkceCompletesATextedLink() {
        JsonNode client = CareAccessServer.admin().get("/realms/patients/clients?clientId=patient-portal").expect(200).body().get(0);
        assertThat(client.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        IssuedLink link = issuer.issue(BORN);
        Browser patient = new Browser(CareAccessServer.server().url(), CareAccessServer.PORTAL_URL);

        Page portal = PatientJourney.enterDateOfBirth(patient.open(link.url()), BORN);

        assertThat(portal.uri().toString()).isEqualTo(CareAccessServer.PORTAL_URL + "/");
        assertThat(portal.document().getElementById("purpose").text()).isEqualTo("questionnaire");
        assertThat(portal.document().getElementById("amr").text()).startsWith("dob");
    }

    @Test
    void aCodeFromOneBrowsersSignInPastedIntoAnotherBrowsersPortalIsRefused() {
        IssuedLink link = issuer.issue(BORN);
        String callback = CareAccessServer.PORTAL_URL + "/callback";
        Browser attacker = new Browser(uri -> !uri.toString().startsWith(callback)
                && Browser.within(CareAccessServer.server().url(), CareAccessServer.PORTAL_URL).test(uri));
        Page toCallback = PatientJourney.enterDateOfBirth(attacker.open(link.url()), BORN);
        URI attackersCallback = toCallback.location();
        assertThat(attackersCallback.toString()).startsWith(callback + "?").contains("code=");

        Browser victim = new Browser(CareAccessServer.server().url(), CareAccessServer.PORTAL_URL);
        assertThat(victim.open(CareAccessServer.PORTAL_URL + "/sign-in").careaccessPage()).as("the victim's own sign-in is under way")
                .isEqualTo("patient-signin");
        Page refused = victim.open(attackersCallback);
        Page noSession = new Browser(CareAccessServer.server().url(), CareAccessServer.PORTAL_URL).open(attackersCallback);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("the state does not match").doesNotContain("questionnaire");
        assertThat(noSession.status()).isEqualTo(400);
        assertThat(victim.open(CareAccessServer.PORTAL_URL + "/").heading()).isEqualTo("You are not signed in");
    }

    @Test
    void aLoginInitiationFromAnotherIssuerIsRefused() {
        Browser browser = new Browser(CareAccessServer.server().url(), CareAccessServer.PORTAL_URL);

        Page refused = browser.open(CareAccessServer.PORTAL_URL + "/login?iss=https%3A%2F%2Fevil.example%2Frealms%2Fpatients&careaccess_link=abc");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("another issuer");
    }
}
