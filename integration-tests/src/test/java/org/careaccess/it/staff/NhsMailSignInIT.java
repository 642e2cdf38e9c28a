package org.careaccess.it.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.careaccess.it.CareAccessServer;
import org.careaccess.testkit.Browser;
import org.careaccess.testkit.Mobile;
import org.careaccess.testkit.OidcClient;
import org.careaccess.testkit.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * "Log in with NHSmail" against the {@code nhsmail-stub} realm playing NHSmail (Entra): tokens
 * without an {@code email} claim, the tenant in {@code tid}. First sign-in creates the account, or
 * links one that has no credentials; an account with a password and 2FA links only after signing in
 * with both; a generic account never links; later sign-ins follow NHSmail's subject, not the email.
 * No local two-factor step follows an NHSmail sign-in.
 */
@ExtendWith(CareAccessServer.class)
class NhsMailSignInIT {

    private static final String STUB = "nhsmail-stub";
    private static final String NHSMAIL_TENANT = "37c354b2-85b0-47f5-b222-07b48d774ee3";
    static final String STUB_PASSWORD = "stub password 123";

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
    void anNhsmailIdentityWithTheEmailOfAPasswordAndTwoFactorAccountGetsItOnlyAfterBothFactors() {
        String email = nhsAddress();
        Mobile mobile = StaffRealm.newMobile();
        String id = StaffRealm.staffWithText(email, "a local password 1", mobile);
        stubUser(email, NHSMAIL_TENANT);
        Browser browser = CareAccessServer.browser();

        Page reauthenticate = signInWithNhsMail(browser, email);
        assertThat(reauthenticate.isRedirect()).as("the email alone gets no account: %s", reauthenticate).isFalse();
        Page wrongPassword = reauthenticate.form("#kc-form-login").set("password", "not their password").submit();
        assertThat(wrongPassword.isRedirect()).isFalse();
        Page code = wrongPassword.form("#kc-form-login").set("password", "a local password 1").submit();
        assertThat(code.careaccessPage()).as("the password alone gets no account either: %s %s", code, code.errors()).isEqualTo("2fa-sms-code");
        assertThat(federatedIdentities(id)).isEmpty();
        Page portal = code.form().set("code", CareAccessServer.sns().latestCodeTo(mobile.e164())).submit();

        StaffRealm.assertBackAtPortalWithCode(portal);
        assertThat(OidcClient.claims(StaffRealm.portal().redeem(portal).path("id_token").asText()).path("sub").asText()).isEqualTo(id);
        assertThat(federatedIdentities(id)).containsExactly("nhsmail");
        int texts = CareAccessServer.sns().publishedTo(mobile.e164()).size();
        StaffRealm.assertBackAtPortalWithCode(signInWithNhsMail(CareAccessServer.browser(), email));
        assertThat(CareAccessServer.sns().publishedTo(mobile.e164())).as("once linked, no text after NHSmail").hasSize(texts);
    }

    @Test
    void anAccountWithoutCredentialsIsLinkedOnTheFirstSignIn() {
        String email = nhsAddress();
        String id = StaffRealm.createStaff(email, null);
        stubUser(email, NHSMAIL_TENANT);

        StaffRealm.assertBackAtPortalWithCode(signInWithNhsMail(CareAccessServer.browser(), email));

        assertThat(staffUsers(email)).singleElement().satisfies(u -> assertThat(u.path("id").asText()).isEqualTo(id));
        assertThat(federatedIdentities(id)).containsExactly("nhsmail");
    }

    @Test
    void aGenericAccountIsNeverLinked() {
        String email = nhsAddress();
        String id = StaffRealm.createStaff(email, null, Map.of("careaccess.generic", List.of("true")));
        stubUser(email, NHSMAIL_TENANT);

        Page page = signInWithNhsMail(CareAccessServer.browser(), email);

        assertThat(page.careaccessPage()).isEqualTo("staff-signin");
        assertThat(page.errors()).containsExactly("You cannot sign in to a shared account with your NHSmail account. "
                + "Sign in with the email address and password of the shared account instead.");
        assertThat(federatedIdentities(id)).isEmpty();
        assertThat(StaffRealm.admin().get("/realms/staff/events?type=IDENTITY_PROVIDER_LOGIN_ERROR&max=50").expect(200).body().toString())
                .contains("\"careaccess_reason\":\"generic_account\"");
    }

    @Test
    void laterSignInsFollowTheNhsmailSubjectNotTheEmail() {
        String firstAddress = nhsAddress();
        String changedAddress = nhsAddress();
        String subject = stubUser(firstAddress, NHSMAIL_TENANT);
        StaffRealm.assertBackAtPortalWithCode(signInWithNhsMail(CareAccessServer.browser(), firstAddress));
        String id = staffUser(firstAddress).path("id").asText();
        renameStubUser(subject, changedAddress);

        Page portal = signInWithNhsMail(CareAccessServer.browser(), changedAddress);

        StaffRealm.assertBackAtPortalWithCode(portal);
        assertThat(OidcClient.claims(StaffRealm.portal().redeem(portal).path("id_token").asText()).path("sub").asText())
                .as("the changed address reaches the same account").isEqualTo(id);
        assertThat(staffUsers(changedAddress)).isEmpty();

        stubUser(firstAddress, NHSMAIL_TENANT);
        Page newSubject = signInWithNhsMail(CareAccessServer.browser(), firstAddress);

        assertThat(newSubject.isRedirect()).as("a new subject with the account's old address does not take it: %s", newSubject).isFalse();
        assertThat(StaffRealm.admin().get("/realms/staff/users/" + id + "/federated-identity").expect(200).body())
                .singleElement().satisfies(link -> assertThat(link.path("userId").asText()).isEqualTo(subject));
    }

    @Test
    void withAccountCreationSwitchedOffAFirstSignInWithoutAnAccountIsRefused() {
        String email = nhsAddress();
        stubUser(email, NHSMAIL_TENANT);
        setAccountCreation("DISABLED");
        try {
            Page page = signInWithNhsMail(CareAccessServer.browser(), email);

            assertThat(page.isRedirect()).as("%s", page).isFalse();
            assertThat(page.text()).contains("There is no staff account for your NHSmail address. Ask your administrator to create one.");
            assertThat(staffUsers(email)).isEmpty();
        } finally {
            setAccountCreation("ALTERNATIVE");
        }
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
        assertThat(page.errors()).containsExactly("This account does not belong to NHSmail. Sign in with your email address instead.");
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

    private static String nhsAddress() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8) + "@nhs.net";
    }

    private static void setAccountCreation(String requirement) {
        setAccountCreation(StaffRealm.REALM, requirement);
    }

    /** The requirement of "Create User If Unique" in a realm's NHSmail first-login flow. */
    static void setAccountCreation(String realm, String requirement) {
        String executions = "/realms/" + realm + "/authentication/flows/careaccess%20nhsmail%20first%20login/executions";
        for (JsonNode execution : StaffRealm.admin().get(executions).expect(200).body()) {
            if (execution.path("providerId").asText().equals("idp-create-user-if-unique")) {
                ((ObjectNode) execution).put("requirement", requirement);
                assertThat(StaffRealm.admin().put(executions, execution).status()).isBetween(200, 204);
            }
        }
    }

    /** NHSmail gives the same person (subject) a new address. */
    private static void renameStubUser(String userId, String email) {
        JsonNode realm = StaffRealm.admin().get("/realms/" + STUB).expect(200).body();
        if (!realm.path("editUsernameAllowed").asBoolean()) {
            StaffRealm.admin().put("/realms/" + STUB, Map.of("realm", STUB, "editUsernameAllowed", true)).expect(204);
        }
        StaffRealm.admin().put("/realms/" + STUB + "/users/" + userId, Map.of("username", email, "email", email, "emailVerified", true,
                "firstName", "Test", "lastName", "Clinician", "attributes", Map.of("tid", List.of(NHSMAIL_TENANT)))).expect(204);
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
