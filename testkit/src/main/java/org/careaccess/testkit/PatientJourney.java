package org.careaccess.testkit;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;

import org.careaccess.testkit.LinkIssuerApi.IssuedLink;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a patient does with a texted link, step by step, in a scripted browser, and what the
 * systems around them see: the issuer API that sends the link, the SNS stand-in that gets the
 * texts, the portal the journey ends at. One journey per server (or per cluster's front), made
 * with that server's clients of realm-config/patients-realm.json; the page steps that need no
 * server are static.
 */
public final class PatientJourney {

    /** The realm imported from realm-config/patients-realm.json. */
    public static final String REALM = "patients";
    /** The birth date {@link #newLink} issues links for. */
    public static final LocalDate BORN = LocalDate.of(1984, 3, 15);
    public static final String DEVICE_COOKIE = "CAREACCESS_DEVICE";

    private final Supplier<String> serverUrl;
    private final Supplier<SnsStandIn> sns;
    private final CareAccessInstall.Clients clients;

    /**
     * The journey on the server at {@code serverUrl}, texts going to {@code sns}, the patients
     * realms' clients set up with {@code clients}. Both are read at each step, so a journey can be
     * made before its server has started.
     */
    public PatientJourney(Supplier<String> serverUrl, Supplier<SnsStandIn> sns, CareAccessInstall.Clients clients) {
        this.serverUrl = serverUrl;
        this.sns = sns;
        this.clients = clients;
    }

    /**
     * A person's pause between two wrong tries. Keycloak's brute-force protection treats two
     * failures less than a second apart (quickLoginCheckMilliSeconds, 1000) as a robot and locks
     * the patient for a minute; tests that count tries must not look like one.
     */
    public static void pauseBetweenTries() {
        sleep(1100);
    }

    /**
     * Waits until the clock CareAccess stores texts by (whole seconds: a code's sent-at, the
     * store's lifespans) has moved on, so two texts a test asks for one after the other are never
     * texted in the same second, as a person's resends would not be.
     */
    public static void waitForNextSecond() {
        sleep(1100);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens a texted link as a patient's phone does: the link endpoint sends the browser to the
     * portal's login-initiation URI, and the portal (played here by {@code portal}) starts its
     * own authorization request. Any other answer of the link endpoint is returned as it is.
     */
    public static Page openTextedLink(Browser browser, String url, OidcClient portal) {
        Page answer = browser.open(url);
        if (!answer.isRedirect() || answer.locationParameter("target_link_uri") == null) {
            return answer;
        }
        return browser.open(portal.authorizationUriInitiatedBy(answer.location()));
    }

    public static Page enterDateOfBirth(Page dobPage, String day, String month, String year) {
        expectPage(dobPage, "dob");
        return dobPage.form().set("dob-day", day).set("dob-month", month).set("dob-year", year).submit();
    }

    public static Page enterDateOfBirth(Page dobPage, LocalDate date) {
        return enterDateOfBirth(dobPage, Integer.toString(date.getDayOfMonth()), Integer.toString(date.getMonthValue()),
                Integer.toString(date.getYear()));
    }

    /** Types the code of the latest text this stand-in got for the number. */
    public static Page enterTextedCode(Page codePage, SnsStandIn sns, String mobileE164) {
        expectPage(codePage, "code");
        String code = sns.latestCodeTo(mobileE164);
        if (code == null) {
            throw new AssertionError("no code texted to " + mobileE164);
        }
        return codePage.form().set("code", code).submit();
    }

    /** Fails unless the page is this CareAccess screen ({@code data-careaccess-page}). */
    public static void expectPage(Page page, String name) {
        if (!name.equals(page.careaccessPage())) {
            throw new AssertionError("expected page " + name + " but got " + page + ":\n" + page.text());
        }
    }

    public String serverUrl() {
        return serverUrl.get();
    }

    /** A new browser with no cookies, following redirects within the server. */
    public Browser browser() {
        return new Browser(serverUrl());
    }

    /** The patients realm's {@code link-issuer} client, signed in with client credentials. */
    public LinkIssuerApi issuer() {
        return issuer(REALM);
    }

    /** The {@code link-issuer} client of a realm made from the patients realm file. */
    public LinkIssuerApi issuer(String realm) {
        return LinkIssuerApi.signIn(serverUrl(), realm, clients.issuerSecret());
    }

    /** A caller of the patients realm's API with any bearer token (or none, when null): for the refusals. */
    public LinkIssuerApi issuerWithToken(String token) {
        return LinkIssuerApi.withToken(serverUrl(), REALM, token);
    }

    /** A link for a new patient born {@link #BORN}, texted to a number no other test uses. */
    public IssuedLink newLink(String realm) {
        return issuer(realm).issue(BORN);
    }

    /** Creates a copy of the patients realm with these step settings (see {@link PatientsRealmFile}). */
    public void createRealmCopy(String name, Map<String, Map<String, String>> settings) {
        createRealmCopy(name, settings, Map.of());
    }

    /** As above, with realm fields replaced too (e.g. {@code failureFactor}, {@code bruteForceProtected}). */
    public void createRealmCopy(String name, Map<String, Map<String, String>> settings, Map<String, ?> realmFields) {
        PatientsRealmFile.createCopy(admin(), name, Map.of(
                "${CAREACCESS_ALLOW_DRAMA_NUMBERS:false}", "true",
                "${CAREACCESS_PORTAL_SECRET}", clients.portalSecret(),
                "${CAREACCESS_ISSUER_SECRET}", clients.issuerSecret(),
                "${CAREACCESS_PORTAL_URL:http://localhost:3000}", clients.portalUrl()), settings, realmFields);
    }

    public void deleteRealm(String name) {
        admin().delete("/realms/" + name);
    }

    private AdminClient admin() {
        return new AdminClient(serverUrl(), KeycloakServer.ADMIN_USERNAME, KeycloakServer.ADMIN_PASSWORD);
    }

    /** Where the portal client of a patients realm is sent back to: the portal's base URL. */
    public String portalRedirect() {
        return clients.portalUrl() + "/";
    }

    /** The portal client of a realm made from the patients realm file. */
    public OidcClient portal(String realm) {
        return new OidcClient(serverUrl() + "/realms/" + realm, "patient-portal", clients.portalSecret(), portalRedirect());
    }

    public OidcClient portal() {
        return portal(REALM);
    }

    /** Opens the texted link; the test plays the portal at its login-initiation URI. */
    public Page open(Browser browser, IssuedLink link) {
        return openUrl(browser, link.url());
    }

    /** Opens a link URL (of any patients realm of this server) as the patient's phone does, the portal played by the test. */
    public Page openUrl(Browser browser, String url) {
        return openTextedLink(browser, url, portal(url.replaceAll(".*/realms/([^/]+)/.*", "$1")));
    }

    /** Opens the link in this browser and confirms the date of birth: the page after it. */
    public Page openAndConfirmBirthDate(Browser browser, IssuedLink link) {
        return enterDateOfBirth(open(browser, link), link.birthDate());
    }

    /** Types the code of the latest text to the link's number. */
    public Page enterTextedCode(Page codePage, IssuedLink link) {
        return enterTextedCode(codePage, sns.get(), link.mobileE164());
    }

    /** How many texts the link's number has had. */
    public int textsTo(IssuedLink link) {
        return sns.get().publishedTo(link.mobileE164()).size();
    }

    /** A new browser that opens the link and confirms the date of birth: the first device, trusted without a code. */
    public Browser signedInFirstDevice(IssuedLink link) {
        Browser browser = browser();
        assertBackAtPortal(openAndConfirmBirthDate(browser, link));
        return browser;
    }

    /**
     * A new browser, after another one became the link's trusted device (made here when the link
     * has none yet): it gets as far as the code page.
     */
    public Page codePageOnASecondDevice(IssuedLink link) {
        Page code = secondDeviceAfterBirthDate(link);
        expectPage(code, "code");
        return code;
    }

    /** As above, whatever page comes after the date of birth (e.g. a text limit's). */
    public Page secondDeviceAfterBirthDate(IssuedLink link) {
        if (!hasTrustedDevice(link)) {
            signedInFirstDevice(link);
        }
        return openAndConfirmBirthDate(browser(), link);
    }

    public boolean hasTrustedDevice(IssuedLink link) {
        return issuer(link.realm()).status(link.id()).expect(200).body().hasNonNull("trustedDevice");
    }

    /** A new browser holding only this browser's trusted-device cookie (no Keycloak session). */
    public Browser sameDeviceWithoutSession(Browser trusted) {
        Cookie device = trusted.cookie(DEVICE_COOKIE).orElseThrow(() -> new AssertionError("no " + DEVICE_COOKIE + " cookie"));
        Browser browser = browser();
        browser.addCookie(device);
        return browser;
    }

    /** Fails unless the page sends the browser back to the portal with an authorization code. */
    public void assertBackAtPortal(Page page) {
        if (!page.isRedirect() || !page.location().toString().startsWith(portalRedirect())) {
            throw new AssertionError("expected a redirect back to the portal, got " + page + ":\n" + (page.status() < 300 ? page.text() : ""));
        }
        String code = page.locationParameter("code");
        if (code == null || code.isBlank()) {
            throw new AssertionError("no code in the redirect back to the portal: " + page.location());
        }
    }

    /** Redeems the code of the redirect back to a patients realm's portal (the realm named by {@code iss}): the token response. */
    public JsonNode tokens(Page redirectToPortal) {
        assertBackAtPortal(redirectToPortal);
        String realm = redirectToPortal.locationParameter("iss").replaceAll(".*/realms/", "");
        return portal(realm).redeem(redirectToPortal);
    }

    /** The ID token's claims the portal gets for this redirect. */
    public JsonNode idTokenClaims(Page redirectToPortal) {
        return OidcClient.claims(tokens(redirectToPortal).path("id_token").asText());
    }
}
