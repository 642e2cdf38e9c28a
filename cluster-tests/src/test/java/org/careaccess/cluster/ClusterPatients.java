package org.careaccess.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.cluster.ClusterNodes.admin;
import static org.careaccess.cluster.ClusterNodes.browser;
import static org.careaccess.cluster.ClusterNodes.frontUrl;

import java.time.LocalDate;
import java.util.Map;

import org.careaccess.testkit.Browser;
import org.careaccess.testkit.Cookie;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.OidcClient;
import org.careaccess.testkit.Page;
import org.careaccess.testkit.PatientLinkSteps;
import org.careaccess.testkit.PatientsRealmFile;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The patients realm (and copies of it) through the cluster's front: the issuer API, what a
 * patient does with a texted link, and what the portal gets back. Which node serves a step is
 * whatever {@link ClusterNodes#routeTo} last chose.
 */
final class ClusterPatients {

    static final String REALM = "patients";
    static final LocalDate BORN = LocalDate.of(1984, 3, 15);
    static final String DEVICE_COOKIE = "CAREACCESS_DEVICE";

    private ClusterPatients() {
    }

    /** The realm's {@code link-issuer} client, signed in through the front. */
    static LinkIssuerApi issuer(String realm) {
        return LinkIssuerApi.signIn(frontUrl(), realm, ClusterNodes.ISSUER_SECRET);
    }

    /** A link for a new patient born {@link #BORN}, texted to a number no other test uses. */
    static LinkIssuerApi.IssuedLink newLink(String realm) {
        return issuer(realm).issue(BORN);
    }

    /** Creates a copy of the patients realm with these step settings (see {@link PatientsRealmFile}). */
    static void createCopy(String name, Map<String, Map<String, String>> settings) {
        createCopy(name, settings, Map.of());
    }

    /** As above, with realm fields replaced too (e.g. {@code bruteForceProtected}). */
    static void createCopy(String name, Map<String, Map<String, String>> settings, Map<String, ?> realmFields) {
        PatientsRealmFile.createCopy(admin(), name, Map.of(
                "${CAREACCESS_ALLOW_DRAMA_NUMBERS:false}", "true",
                "${CAREACCESS_PORTAL_SECRET}", ClusterNodes.PORTAL_SECRET,
                "${CAREACCESS_ISSUER_SECRET}", ClusterNodes.ISSUER_SECRET,
                "${CAREACCESS_PORTAL_URL:http://localhost:3000}", ClusterNodes.PORTAL_URL), settings, realmFields);
    }

    /** Opens the texted link; the test plays the portal at its login-initiation URI. */
    static Page open(Browser browser, LinkIssuerApi.IssuedLink link) {
        return openUrl(browser, link.url());
    }

    /** Opens a link URL of a patients realm as the patient's phone does, the portal played by the test. */
    static Page openUrl(Browser browser, String url) {
        return PatientLinkSteps.openTextedLink(browser, url, portal(url.replaceAll(".*/realms/([^/]+)/.*", "$1")));
    }

    static OidcClient portal(String realm) {
        return new OidcClient(frontUrl() + "/realms/" + realm, "patient-portal", ClusterNodes.PORTAL_SECRET, ClusterNodes.PORTAL_URL + "/");
    }

    /** Opens the link in this browser and confirms the date of birth: the page after it. */
    static Page openAndConfirmBirthDate(Browser browser, LinkIssuerApi.IssuedLink link) {
        return PatientLinkSteps.enterDateOfBirth(open(browser, link), link.birthDate());
    }

    /** Types the code of the latest text to the link's number. */
    static Page enterTextedCode(Page codePage, LinkIssuerApi.IssuedLink link) {
        return PatientLinkSteps.enterTextedCode(codePage, ClusterNodes.sns(), link.mobileE164());
    }

    /** A new browser that opens the link and confirms the date of birth: the first device, trusted without a code. */
    static Browser firstDevice(LinkIssuerApi.IssuedLink link) {
        Browser browser = browser();
        assertBackAtPortal(openAndConfirmBirthDate(browser, link));
        return browser;
    }

    /**
     * A new browser, after another one became the link's trusted device (made here when the link
     * has none yet): it gets as far as the code page.
     */
    static Page codePageOnASecondDevice(LinkIssuerApi.IssuedLink link) {
        if (!issuer(link.realm()).status(link.id()).expect(200).body().hasNonNull("trustedDevice")) {
            firstDevice(link);
        }
        Page code = openAndConfirmBirthDate(browser(), link);
        PatientLinkSteps.expectPage(code, "code");
        return code;
    }

    /** A new browser holding only this browser's trusted-device cookie (no Keycloak session). */
    static Browser sameDeviceWithoutSession(Browser trusted) {
        Cookie device = trusted.cookie(DEVICE_COOKIE).orElseThrow(() -> new AssertionError("no " + DEVICE_COOKIE + " cookie"));
        Browser browser = browser();
        browser.addCookie(device);
        return browser;
    }

    static void assertBackAtPortal(Page page) {
        assertThat(page.isRedirect()).as("a redirect back to the portal, got %s:\n%s", page, page.status() < 300 ? page.text() : "").isTrue();
        assertThat(page.location().toString()).startsWith(ClusterNodes.PORTAL_URL + "/");
        assertThat(page.locationParameter("code")).isNotBlank();
    }

    /** The ID token's claims the portal gets for this redirect, redeemed through the front. */
    static JsonNode idTokenClaims(Page redirectToPortal, String realm) {
        assertBackAtPortal(redirectToPortal);
        return OidcClient.claims(portal(realm).redeem(redirectToPortal).path("id_token").asText());
    }

    static int textsTo(LinkIssuerApi.IssuedLink link) {
        return ClusterNodes.sns().publishedTo(link.mobileE164()).size();
    }
}
