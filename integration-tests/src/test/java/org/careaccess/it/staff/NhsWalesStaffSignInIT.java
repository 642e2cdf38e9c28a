package org.careaccess.it.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.careaccess.it.CareAccessServer;
import org.careaccess.it.Screens;
import org.careaccess.testkit.AdminClient;
import org.careaccess.testkit.Browser;
import org.careaccess.testkit.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An NHS Wales organisation: staff sign in with NHS Wales's own Microsoft 365 tenant, not NHSmail.
 * A copy of the staff realm whose NHSmail-type broker is set up as NHS Wales (its tenant, domain
 * {@code wales.nhs.uk}, display names and button labels in English and Welsh), the stand-in realm
 * {@code nhsmail-stub} playing that tenant through a client of its own; the realm's login theme is
 * a test child theme with the bilingual logo. The page never says "NHSmail", in either language.
 */
@ExtendWith({CareAccessServer.class, Screens.class})
class NhsWalesStaffSignInIT {

    private static final String REALM = "it-nhs-wales-staff";
    private static final String ALIAS = "nhswales";
    private static final String STUB = "nhsmail-stub";
    private static final String STUB_CLIENT = "it-nhswales-broker";
    /** A made-up Entra tenant id standing for NHS Wales's. */
    private static final String WALES_TENANT = "5c3a1f0e-7d2b-4e9a-8c61-2f4b9d0e7a13";
    private static final String NHSMAIL_TENANT = "37c354b2-85b0-47f5-b222-07b48d774ee3";
    private static final String BROKER_SECRET = "it-nhswales-broker-secret";

    private static final Map<String, String> WELSH_SETTINGS = Map.of(
            "buttonLabel", "Log in with NHS Wales",
            "buttonLabelCy", "Mewngofnodi gyda GIG Cymru",
            "displayNameCy", "GIG Cymru");

    @BeforeAll
    static void nhsWalesRealm() {
        String base = CareAccessServer.server().url();
        String stubClients = "/realms/" + STUB + "/clients";
        for (JsonNode old : admin().get(stubClients + "?clientId=" + STUB_CLIENT).expect(200).body()) {
            admin().delete(stubClients + "/" + old.path("id").asText()).expect(204);
        }
        admin().post(stubClients, Map.of(
                "clientId", STUB_CLIENT,
                "secret", BROKER_SECRET,
                "publicClient", false,
                "standardFlowEnabled", true,
                "redirectUris", List.of(base + "/realms/" + REALM + "/broker/" + ALIAS + "/endpoint"),
                "attributes", Map.of("pkce.code.challenge.method", "S256"),
                "protocolMappers", List.of(Map.of(
                        "name", "tenant id", "protocol", "openid-connect", "protocolMapper", "oidc-usermodel-attribute-mapper",
                        "config", Map.of("id.token.claim", "true", "access.token.claim", "true", "user.attribute", "tid",
                                "claim.name", "tid", "jsonType.label", "String"))))).expect(201);
        Map<String, String> config = new HashMap<>(Map.of(
                "clientId", STUB_CLIENT,
                "clientSecret", BROKER_SECRET,
                "clientAuthMethod", "client_secret_post",
                "tenant", WALES_TENANT,
                "allowedDomains", "wales.nhs.uk",
                "authorizationUrl", base + "/realms/" + STUB + "/protocol/openid-connect/auth",
                "tokenUrl", base + "/realms/" + STUB + "/protocol/openid-connect/token",
                "jwksUrl", base + "/realms/" + STUB + "/protocol/openid-connect/certs",
                "issuer", base + "/realms/" + STUB,
                "pkceEnabled", "true"));
        config.put("pkceMethod", "S256");
        config.putAll(WELSH_SETTINGS);
        StaffRealm.createCopy(REALM, realm -> {
            realm.put("loginTheme", "it-nhs-wales-staff");
            realm.put("displayName", "Porth staff | Staff portal");
            ArrayNode providers = realm.putArray("identityProviders");
            providers.add(AdminClient.json().valueToTree(Map.of(
                    "alias", ALIAS,
                    "displayName", "NHS Wales",
                    "providerId", "careaccess-nhsmail",
                    "enabled", true,
                    "trustEmail", true,
                    "firstBrokerLoginFlowAlias", "careaccess nhsmail first login",
                    "config", config)));
        });
    }

    @AfterAll
    static void deleteRealm() {
        admin().delete("/realms/" + REALM);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "en | Log in with NHS Wales      | If you have an account with NHS Wales, use it to sign in.",
            "cy | Mewngofnodi gyda GIG Cymru | Os oes gennych gyfrif GIG Cymru, defnyddiwch ef i fewngofnodi."})
    void theSignInPageOffersNhsWalesInThePagesLanguageAndNeverSaysNhsmail(String language, String button, String intro) {
        Page signIn = openSignIn(CareAccessServer.browser().acceptLanguage(language));

        assertThat(signIn.document().select("html").attr("lang")).isEqualTo(language);
        assertThat(signIn.document().selectFirst("#nhsmail").text()).isEqualTo(button);
        assertThat(signIn.document().select("main a.nhsuk-button, main button").first().id()).as("offered first").isEqualTo("nhsmail");
        assertThat(signIn.text()).contains(intro);
        assertThat(signIn.document().selectFirst("#nhsmail-hint").attr("data-domains")).isEqualTo("wales.nhs.uk");
        assertThat(signIn.document().selectFirst("#nhsmail-hint").text()).contains("“" + button + "”");
        assertThat(signIn.body()).as("hidden hint and script included").doesNotContain("NHSmail");
        assertThat(signIn.document().selectFirst("header svg").attr("aria-label")).isEqualTo("GIG Cymru NHS Wales");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "en | Use the “Log in with NHS Wales” button for this address instead",
            "cy | Defnyddiwch y botwm “Mewngofnodi gyda GIG Cymru” ar gyfer y cyfeiriad hwn yn lle hynny"})
    void aWalesAddressTypedInTheEmailFieldGetsTheHintToUseNhsWales(String language, String hint) {
        Browser browser = CareAccessServer.browser().acceptLanguage(language);

        Page wales = openSignIn(browser).form("#staff-signin").set("username", "a.clinician@wales.nhs.uk").submit();
        Page nhsNet = openSignIn(browser).form("#staff-signin").set("username", "a.clinician@nhs.net").submit();

        assertThat(wales.document().selectFirst("#nhsmail-hint").hasAttr("hidden")).isFalse();
        assertThat(wales.document().selectFirst("#nhsmail-hint").text()).contains(hint);
        assertThat(nhsNet.document().selectFirst("#nhsmail-hint").hasAttr("hidden")).as("not this organisation's domain").isTrue();
        assertThat(wales.body()).doesNotContain("NHSmail");

        Page linkSent = openSignIn(browser).form("#staff-signin").set("username", walesAddress()).submit("send-link");
        assertThat(linkSent.careaccessPage()).isEqualTo("sign-in-link-sent");
        assertThat(linkSent.text()).contains(hint);
        assertThat(linkSent.body()).doesNotContain("NHSmail");
    }

    @Test
    void aSignInWithTheNhsWalesTenantComesBackSignedIn() {
        String email = walesAddress();
        NhsMailSignInIT.stubUser(email, WALES_TENANT);

        Page portal = signInWithNhsWales(CareAccessServer.browser(), email);

        assertThat(portal.isRedirect()).as("%s", portal).isTrue();
        assertThat(portal.location().toString()).startsWith(StaffRealm.PORTAL_REDIRECT);
        assertThat(portal.locationParameter("code")).isNotBlank();
        JsonNode user = admin().get("/realms/" + REALM + "/users?exact=true&email=" + email.replace("@", "%40")).expect(200).body().get(0);
        assertThat(admin().get("/realms/" + REALM + "/users/" + user.path("id").asText() + "/federated-identity").expect(200).body()
                .get(0).path("identityProvider").asText()).isEqualTo(ALIAS);
        assertThat(StaffRealm.portalOf(REALM).redeem(portal).path("id_token").asText()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "en | This account does not belong to NHS Wales. Sign in with your email address instead.",
            "cy | Nid cyfrif GIG Cymru yw'r cyfrif hwn. Mewngofnodwch gyda'ch cyfeiriad e-bost yn lle hynny."})
    void anNhsmailAccountIsRefusedInTheWordsOfNhsWales(String language, String refusal) {
        String email = walesAddress();
        NhsMailSignInIT.stubUser(email, NHSMAIL_TENANT);

        Page page = signInWithNhsWales(CareAccessServer.browser().acceptLanguage(language), email);

        assertThat(page.careaccessPage()).isEqualTo("staff-signin");
        assertThat(page.errors()).containsExactly(refusal);
        assertThat(page.body()).doesNotContain("NHSmail");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "en | There is no staff account for your NHS Wales address.",
            "cy | Nid oes cyfrif staff ar gyfer eich cyfeiriad GIG Cymru."})
    void withAccountCreationOffTheRefusalNamesNhsWales(String language, String refusal) {
        String email = walesAddress();
        NhsMailSignInIT.stubUser(email, WALES_TENANT);
        NhsMailSignInIT.setAccountCreation(REALM, "DISABLED");
        try {
            Page page = signInWithNhsWales(CareAccessServer.browser().acceptLanguage(language), email);

            assertThat(page.isRedirect()).as("%s", page).isFalse();
            assertThat(page.text()).contains(refusal).doesNotContain("NHSmail");
        } finally {
            NhsMailSignInIT.setAccountCreation(REALM, "ALTERNATIVE");
        }
    }

    @Test
    void blankLabelsFallBackToTheThemesWordsWithTheNameAndABlankWelshNameToTheDisplayName() {
        try {
            changeBroker(config -> config.put("buttonLabel", " ").put("buttonLabelCy", ""));
            assertThat(button("en")).isEqualTo("Log in with NHS Wales");
            assertThat(button("cy")).isEqualTo("Mewngofnodi gyda'ch cyfrif GIG Cymru");

            changeBroker(config -> config.put("displayNameCy", "  "));
            assertThat(button("cy")).isEqualTo("Mewngofnodi gyda'ch cyfrif NHS Wales");
            assertThat(openSignIn(CareAccessServer.browser().acceptLanguage("cy")).body()).doesNotContain("NHSmail");
        } finally {
            changeBroker(config -> WELSH_SETTINGS.forEach(config::put));
        }
        assertThat(button("cy")).isEqualTo("Mewngofnodi gyda GIG Cymru");
    }

    @Test
    void aLabelTooLongForAButtonIsRefusedByTheAdminApi() {
        String path = "/realms/" + REALM + "/identity-provider/instances/" + ALIAS;
        ObjectNode broker = (ObjectNode) admin().get(path).expect(200).body();
        ((ObjectNode) broker.path("config")).put("buttonLabelCy", "Mewngofnodi gyda " + "Bwrdd Iechyd Prifysgol ".repeat(3));

        AdminClient.Response refused = admin().put(path, broker);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.raw()).contains("buttonLabelCy");
        assertThat(button("cy")).isEqualTo("Mewngofnodi gyda GIG Cymru");
    }

    @Test
    void theBilingualLogoFitsAPhoneAndADesktopBesideTheOrganisationName() {
        ChromeDriver chromium = Screens.chromium();
        chromium.manage().deleteAllCookies();
        chromium.get(StaffRealm.portalOf(REALM).authorizationUri(Map.of("ui_locales", "cy")).toString());
        assertThat(chromium.findElement(By.tagName("body")).getAttribute("data-careaccess-page")).isEqualTo("staff-signin");

        // Like the NHS logo beside an organisation name: 24 px tall on a phone, 32 px from 641 px wide.
        // (height, width, sideways overflow of the page, 1 if the logo ends outside the screen)
        assertThat(logoAt(chromium, 375)).containsExactly(24L, 126L, 0L, 0L);
        assertThat(logoAt(chromium, 1280)).containsExactly(32L, 168L, 0L, 0L);
        Screens.assertAccessible("nhs-wales-staff-signin-cy");
    }

    /** The header logo's rendered height and width, how far the page overflows sideways, and whether the logo leaves the screen. */
    @SuppressWarnings("unchecked")
    private static List<Long> logoAt(ChromeDriver chromium, int width) {
        chromium.manage().window().setSize(new Dimension(width, 900));
        chromium.manage().window().setSize(new Dimension(2 * width - viewportWidth(chromium), 900));
        assertThat(viewportWidth(chromium)).isEqualTo(width);
        return (List<Long>) chromium.executeScript("""
                var box = document.querySelector('header svg').getBoundingClientRect();
                var page = document.documentElement;
                return [Math.round(box.height), Math.round(box.width), Math.max(0, page.scrollWidth - page.clientWidth),
                        box.right <= page.clientWidth ? 0 : 1];""");
    }

    private static int viewportWidth(ChromeDriver chromium) {
        return ((Number) chromium.executeScript("return document.documentElement.clientWidth")).intValue();
    }

    private static String button(String language) {
        return openSignIn(CareAccessServer.browser().acceptLanguage(language)).document().selectFirst("#nhsmail").text();
    }

    private static void changeBroker(Consumer<ObjectNode> change) {
        String path = "/realms/" + REALM + "/identity-provider/instances/" + ALIAS;
        ObjectNode broker = (ObjectNode) admin().get(path).expect(200).body();
        change.accept((ObjectNode) broker.path("config"));
        admin().put(path, broker).expect(204);
    }

    private static Page openSignIn(Browser browser) {
        return browser.open(StaffRealm.portalOf(REALM).authorizationUri());
    }

    /** Sign-in page → "Log in with NHS Wales" → the stand-in tenant's login page → back. */
    private static Page signInWithNhsWales(Browser browser, String email) {
        Page stubLogin = browser.open(openSignIn(browser).document().selectFirst("#nhsmail").absUrl("href"));
        assertThat(stubLogin.uri().toString()).contains("/realms/" + STUB + "/");
        return stubLogin.form().set("username", email).set("password", NhsMailSignInIT.STUB_PASSWORD).submit();
    }

    private static String walesAddress() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8) + "@wales.nhs.uk";
    }

    private static AdminClient admin() {
        return StaffRealm.admin();
    }
}
