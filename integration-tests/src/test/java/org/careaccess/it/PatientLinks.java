package org.careaccess.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.careaccess.testkit.Browser;
import org.careaccess.testkit.OidcClient;
import org.careaccess.testkit.Page;
import org.careaccess.testkit.PatientLinkSteps;

import com.fasterxml.jackson.databind.JsonNode;

/** What a patient does with a texted link, step by step, in a scripted browser. */
final class PatientLinks {

    /** The redirect URI the public link endpoint uses: the portal client's base URL. */
    static final String PORTAL_REDIRECT = CareAccessServer.PORTAL_URL + "/";

    private PatientLinks() {
    }

    /** A person's pause between two wrong tries ({@link PatientLinkSteps#pauseBetweenTries()}). */
    static void pauseBetweenTries() {
        PatientLinkSteps.pauseBetweenTries();
    }

    /** Opens the texted link; the test plays the portal at its login-initiation URI. */
    static Page open(Browser browser, LinkIssuer.IssuedLink link) {
        return openUrl(browser, link.url());
    }

    /** Opens a link URL (of any realm of this server) as the patient's phone does, the portal played by the test. */
    static Page openUrl(Browser browser, String url) {
        String realm = url.replaceAll(".*/realms/([^/]+)/.*", "$1");
        return PatientLinkSteps.openTextedLink(browser, url, portal(realm));
    }

    /**
     * What a real browser opens for this link: the texted URL in the realm {@code patients}, whose
     * portal the demo portal is; in a copy of the realm, the request the test's portal starts.
     */
    static String addressForRealBrowser(LinkIssuer.IssuedLink link) {
        String realm = link.url().replaceAll(".*/realms/([^/]+)/.*", "$1");
        if (realm.equals("patients")) {
            return link.url();
        }
        return portal(realm).authorizationUriInitiatedBy(new Browser(uri -> false).open(link.url()).location()).toString();
    }

    static Page enterDateOfBirth(Page dobPage, String day, String month, String year) {
        return PatientLinkSteps.enterDateOfBirth(dobPage, day, month, year);
    }

    static Page enterDateOfBirth(Page dobPage, LocalDate date) {
        return PatientLinkSteps.enterDateOfBirth(dobPage, date);
    }

    /** Types the code of the latest text to the link's number. */
    static Page enterTextedCode(Page codePage, LinkIssuer.IssuedLink link) {
        return PatientLinkSteps.enterTextedCode(codePage, CareAccessServer.sns(), link.mobileE164());
    }

    /** A new browser that opens the link and confirms the date of birth: the first device, trusted without a code. */
    static Browser signedInFirstDevice(LinkIssuer.IssuedLink link) {
        Browser browser = CareAccessServer.browser();
        Page done = enterDateOfBirth(open(browser, link), link.birthDate());
        assertThat(done.isRedirect()).as(done.toString() + "\n" + done.text()).isTrue();
        return browser;
    }

    static OidcClient portal(String realm) {
        return new OidcClient(CareAccessServer.server().realmUrl(realm), "patient-portal", CareAccessServer.PORTAL_SECRET, PORTAL_REDIRECT);
    }

    static OidcClient portal() {
        return portal("patients");
    }

    /** Redeems the code of the redirect back to the patients realm's portal: the token response. */
    static JsonNode tokens(Page redirectToPortal) {
        assertThat(redirectToPortal.isRedirect()).as(redirectToPortal + "\n" + redirectToPortal.text()).isTrue();
        assertThat(redirectToPortal.location().toString()).startsWith(PORTAL_REDIRECT);
        String realm = redirectToPortal.locationParameter("iss").replaceAll(".*/realms/", "");
        return portal(realm).redeem(redirectToPortal);
    }

    static JsonNode idTokenClaims(Page redirectToPortal) {
        return OidcClient.claims(tokens(redirectToPortal).path("id_token").asText());
    }
}
