package org.careaccess.it.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.careaccess.it.CareAccessServer;
import org.careaccess.testkit.Browser;
import org.careaccess.testkit.OidcClient;
import org.careaccess.testkit.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * "Log in with NHSmail" against the {@code nhsmail-stub} realm playing NHSmail (Entra): tokens
 * without an {@code email} claim, the tenant in {@code tid}. First sign-in creates or links the
 * account without asking; no local two-factor step follows.
 */
@ExtendWith(CareAccessServer.class)
class NhsMailSignInIT {

    private static final String STUB = "nhsmail-stub";
    private static final String NHSMAIL_TENANT = "37c354b2-85b0-47f5-b222-07b48d774ee3";
    private static final String STUB_PASSWORD = "stub password 123";

    @Test
    void firstSignInCreatesTheAccountWithoutAskingAndSkipsTwoFactor() {
        String email = "it-" + UUID.randomUUID().toString().substring(0, 8) + "@nhs.net";
        stubUser(email, NHSMAIL_TENANT);

        Page portal = signInWithNhsMail(CareAccessServer.browser(), email);

        StaffRealm.assertBackAtPortalWithCode(portal);
        JsonNode user = staffUser(email);
        assertThat(user).as("a staff account was created").isNotNull();
        assertThat(user.path("email").asText()).isEqualTo(email);
        assertThat(user.path("emailVerified").asBoolean()).isTrue();
        assertThat(federatedIdentities(user.path("id").asText())).containsExactly("nhsmail");
        assertThat(StaffRealm.credentialTypes(user.path("id").asText())).isEmpty();
        JsonNode claims = OidcClient.claims(StaffRealm.portal().redeem(portal).path("id_token").asText());
        assertThat(claims.path("email").asText()).isEqualTo(email);

        Page again = signInWithNhsMail(CareAccessServer.browser(), email);
        StaffRealm.assertBackAtPortalWithCode(again);
        assertThat(staffUsers(email)).as("the second sign-in finds the same account").hasSize(1);
    }

    @Test
    void aStaffAccountWithTheSameEmailIsLinkedWithoutAskingAndWithoutLocalTwoFactor() {
        String email = "it-" + UUID.randomUUID().toString().substring(0, 8) + "@nhs.net";
        String[] mobile = StaffRealm.newMobile();
        String id = StaffRealm.staffWithText(email, "a local password 1", mobile);
        int texts = CareAccessServer.sns().publishedTo(mobile[1]).size();
        stubUser(email, NHSMAIL_TENANT);

        Page portal = signInWithNhsMail(CareAccessServer.browser(), email);

        StaffRealm.assertBackAtPortalWithCode(portal);
        assertThat(staffUsers(email)).singleElement().satisfies(u -> assertThat(u.path("id").asText()).isEqualTo(id));
        assertThat(federatedIdentities(id)).containsExactly("nhsmail");
        assertThat(CareAccessServer.sns().publishedTo(mobile[1])).as("no text after NHSmail").hasSize(texts);
    }

    @Test
    void anAddressOutsideTheAllowedDomainsIsRefused() {
        String email = "it-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        stubUser(email, NHSMAIL_TENANT);

        Page page = signInWithNhsMail(CareAccessServer.browser(), email);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.careaccessPage()).isEqualTo("staff-signin");
        assertThat(page.errors()).containsExactly("You cannot use this NHSmail account here. Sign in with your email address instead, or ask your administrator.");
        assertThat(staffUsers(email)).isEmpty();
    }

    @Test
    void aSubdomainOfAnAllowedDomainIsRefused() {
        String email = "it-" + UUID.randomUUID().toString().substring(0, 8) + "@evil.nhs.net";
        stubUser(email, NHSMAIL_TENANT);

        Page page = signInWithNhsMail(CareAccessServer.browser(), email);

        assertThat(page.careaccessPage()).isEqualTo("staff-signin");
        assertThat(staffUsers(email)).isEmpty();
    }

    @Test
    void aTokenFromAnotherTenantIsRefused() {
        String email = "it-" + UUID.randomUUID().toString().substring(0, 8) + "@nhs.net";
        stubUser(email, UUID.randomUUID().toString());

        Page page = signInWithNhsMail(CareAccessServer.browser(), email);

        assertThat(page.careaccessPage()).isEqualTo("staff-signin");
        assertThat(page.errors()).containsExactly("This account is not an NHSmail account. Sign in with your email address instead.");
        assertThat(staffUsers(email)).isEmpty();
    }

    @Test
    void theStandInIssuesNoEmailClaimLikeEntraSoTheAddressComesFromPreferredUsername() {
        String email = "it-" + UUID.randomUUID().toString().substring(0, 8) + "@nhs.net";
        String userId = stubUser(email, NHSMAIL_TENANT);
        String clientId = StaffRealm.admin().get("/realms/" + STUB + "/clients?clientId=careaccess-staff-broker").expect(200).body().get(0).path("id").asText();

        JsonNode idToken = StaffRealm.admin().get("/realms/" + STUB + "/clients/" + clientId
                + "/evaluate-scopes/generate-example-id-token?scope=openid%20profile%20email&userId=" + userId).expect(200).body();

        assertThat(idToken.has("email")).isFalse();
        assertThat(idToken.path("preferred_username").asText()).isEqualTo(email);
        assertThat(idToken.path("tid").asText()).isEqualTo(NHSMAIL_TENANT);
    }

    @Test
    void theSignInPageOffersNhsmailFirst() {
        Page signIn = StaffRealm.openPortalSignIn(CareAccessServer.browser());

        assertThat(signIn.document().select("main a.nhsuk-button, main button").first().id()).isEqualTo("nhsmail");
        assertThat(CareAccessServer.admin().get("/serverinfo").expect(200).body().path("identityProviders").toString())
                .contains("careaccess-nhsmail").contains("NHSmail");
    }

    /** Staff sign-in page → "Log in with NHSmail" → the stand-in's own login page → back. */
    static Page signInWithNhsMail(Browser browser, String email) {
        Page signIn = StaffRealm.openPortalSignIn(browser);
        Page stubLogin = browser.open(signIn.document().selectFirst("#nhsmail").absUrl("href"));
        assertThat(stubLogin.uri().toString()).contains("/realms/" + STUB + "/");
        return stubLogin.form().set("username", email).set("password", STUB_PASSWORD).submit();
    }

    static String stubUser(String email, String tenant) {
        return StaffRealm.admin().post("/realms/" + STUB + "/users", Map.of(
                "username", email, "email", email, "emailVerified", true, "enabled", true,
                "firstName", "Test", "lastName", "Clinician",
                "attributes", Map.of("tid", List.of(tenant)),
                "credentials", List.of(Map.of("type", "password", "value", STUB_PASSWORD, "temporary", false)))).expect(201).createdId();
    }

    private static List<JsonNode> staffUsers(String email) {
        List<JsonNode> users = new java.util.ArrayList<>();
        StaffRealm.admin().get("/realms/staff/users?exact=true&email=" + email.replace("@", "%40")).expect(200).body().forEach(users::add);
        return users;
    }

    private static JsonNode staffUser(String email) {
        List<JsonNode> users = staffUsers(email);
        return users.isEmpty() ? null : users.get(0);
    }

    private static List<String> federatedIdentities(String userId) {
        List<String> providers = new java.util.ArrayList<>();
        StaffRealm.admin().get("/realms/staff/users/" + userId + "/federated-identity").expect(200).body()
                .forEach(f -> providers.add(f.path("identityProvider").asText()));
        return providers;
    }
}
