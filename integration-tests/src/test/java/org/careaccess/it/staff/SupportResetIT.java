package org.careaccess.it.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.careaccess.it.CareAccessServer;
import org.careaccess.testkit.AdminClient;
import org.careaccess.testkit.Mails.Mail;
import org.careaccess.testkit.Mobile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The support desk's reset: {@code POST /admin/realms/staff/careaccess/users/{id}/reset-2fa} with
 * {@code {"verification","ticket"}}, for callers with careaccess-2fa-support and view-users (not
 * manage-users, so Keycloak's own admin API refuses them what the generic-account rule forbids),
 * never for a generic account; every call an admin event; the person gets an email.
 */
@ExtendWith(CareAccessServer.class)
class SupportResetIT {

    private static final String BODY = "{\"verification\":\"Called back on the number in the staff record\",\"ticket\":\"SUP-123\"}";

    private static Caller supportDesk;
    private static Caller managerOnly;

    /** The support desk's tool (view-users and the support role) and a user manager's tool, as service accounts of the staff realm. */
    @BeforeAll
    static void supportAccounts() {
        supportDesk = serviceAccount("it-support-desk", "view-users", true);
        managerOnly = serviceAccount("it-user-manager", "manage-users", false);
    }

    @Test
    void aVerifiedResetRemovesTwoFactorEndsSessionsEmailsThePersonAndIsAnAdminEvent() {
        String email = StaffRealm.newEmail();
        Mobile mobile = StaffRealm.newMobile();
        String id = StaffRealm.staffWithText(email, "their password 1", mobile);
        StaffRealm.signInWithText(CareAccessServer.browser(), email, "their password 1", mobile.e164());
        assertThat(StaffRealm.sessionCount(id)).isPositive();

        Answer answer = call(supportDesk, id, "application/json", BODY);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("result").asText()).isEqualTo("reset");
        assertThat(answer.body().path("credentialsRemoved").asInt()).isEqualTo(1);
        assertThat(StaffRealm.credentialTypes(id)).containsExactly("password");
        assertThat(StaffRealm.sessionCount(id)).isZero();
        Mail mail = StaffRealm.mails().awaitTo(email, 1, StaffRealm.MAIL_WAIT);
        assertThat(mail.subject()).isEqualTo("Our support desk reset your two-factor authentication for Riverside Surgery staff");
        assertThat(mail.text()).contains("SUP-123");
        JsonNode event = adminEventFor(id);
        assertThat(event.path("authDetails").path("userId").asText()).isEqualTo(supportDesk.userId());
        assertThat(event.path("operationType").asText()).isEqualTo("ACTION");
        assertThat(event.path("details").path("careaccess_ticket").asText()).isEqualTo("SUP-123");
        assertThat(event.path("details").path("careaccess_outcome").asText()).isEqualTo("reset");
        assertThat(event.path("details").path("careaccess_verification").asText()).isEqualTo("Called back on the number in the staff record");
    }

    @Test
    void withoutTheSupportRoleTheCallerGets403AndTheCallIsStillAnAdminEvent() {
        String email = StaffRealm.newEmail();
        String id = StaffRealm.staffWithText(email, "their password 1", StaffRealm.newMobile());

        Answer answer = call(managerOnly, id, "application/json", BODY);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body().path("error").asText()).isEqualTo("forbidden");
        assertThat(StaffRealm.credentialTypes(id)).contains("careaccess-sms");
        JsonNode event = adminEventFor(id);
        assertThat(event.path("details").path("careaccess_outcome").asText()).isEqualTo("forbidden");
        assertThat(event.path("details").path("careaccess_ticket").asText()).isEqualTo("SUP-123");
        assertThat(StaffRealm.mails().to(email)).isEmpty();
    }

    @Test
    void theMasterRealmAdminWithoutTheRoleGets403Too() {
        String id = StaffRealm.staffWithText(StaffRealm.newEmail(), "their password 1", StaffRealm.newMobile());

        AdminClient.Response answer = StaffRealm.admin().post("/realms/staff/careaccess/users/" + id + "/reset-2fa", BODY);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(StaffRealm.credentialTypes(id)).contains("careaccess-sms");
    }

    @Test
    void aGenericAccountGets409AndKeepsItsTwoFactor() {
        String email = StaffRealm.newEmail();
        String id = StaffRealm.createStaff(email, "shared password 1", Map.of("careaccess.generic", List.of("true")));
        StaffRealm.assertBackAtPortalWithCode(StaffRealm.enrolByText(StaffRealm.signInWithPassword(CareAccessServer.browser(), email, "shared password 1"), StaffRealm.newMobile()));

        Answer answer = call(supportDesk, id, "application/json", BODY);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().path("error").asText()).isEqualTo("generic_account");
        assertThat(StaffRealm.credentialTypes(id)).contains("careaccess-sms");
        assertThat(adminEventFor(id).path("details").path("careaccess_outcome").asText()).isEqualTo("generic_account");
        assertThat(StaffRealm.mails().to(email)).isEmpty();
    }

    @Test
    void theSupportDeskFindsPeopleButKeycloaksAdminApiRefusesItWhatTheGenericRuleForbids() {
        String email = StaffRealm.newEmail();
        String id = StaffRealm.createStaff(email, "shared password 1", Map.of("careaccess.generic", List.of("true")));
        StaffRealm.assertBackAtPortalWithCode(StaffRealm.enrolByText(StaffRealm.signInWithPassword(CareAccessServer.browser(), email, "shared password 1"), StaffRealm.newMobile()));
        String credential = StaffRealm.admin().get("/realms/staff/users/" + id + "/credentials").expect(200).body().findValue("id").asText();
        String colleague = StaffRealm.createStaff(StaffRealm.newEmail(), "x password 1");
        JsonNode supportRole = StaffRealm.admin().get("/realms/staff/roles/careaccess-2fa-support").expect(200).body();
        String realmManagement = realmManagementId();
        JsonNode manageUsers = StaffRealm.admin().get("/realms/staff/clients/" + realmManagement + "/roles/manage-users").expect(200).body();
        String users = "/admin/realms/staff/users/";

        Answer found = send(supportDesk, "GET", "/admin/realms/staff/users?exact=true&email=" + email.replace("@", "%40"), null);
        Answer deleteCredential = send(supportDesk, "DELETE", users + id + "/credentials/" + credential, null);
        Answer clearMarker = send(supportDesk, "PUT", users + id, "{\"username\":\"" + email + "\",\"email\":\"" + email
                + "\",\"firstName\":\"Test\",\"lastName\":\"Staff\",\"attributes\":{\"careaccess.generic\":[\"false\"]}}");
        Answer grantSupport = send(supportDesk, "POST", users + colleague + "/role-mappings/realm", "[" + supportRole + "]");
        Answer grantManageUsers = send(supportDesk, "POST", users + supportDesk.userId() + "/role-mappings/clients/" + realmManagement,
                "[" + manageUsers + "]");

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().findValue("id").asText()).isEqualTo(id);
        assertThat(List.of(deleteCredential.status(), clearMarker.status(), grantSupport.status(), grantManageUsers.status()))
                .as("delete credential, clear the generic marker, grant the support role, grant manage-users").containsOnly(403);
        assertThat(StaffRealm.credentialTypes(id)).contains("careaccess-sms");
        assertThat(StaffRealm.admin().get("/realms/staff/users/" + id).expect(200).body().path("attributes").path("careaccess.generic").toString())
                .isEqualTo("[\"true\"]");
        assertThat(StaffRealm.admin().get("/realms/staff/users/" + colleague + "/role-mappings/realm").expect(200).body().toString())
                .doesNotContain("careaccess-2fa-support");
        assertThat(call(supportDesk, id, "application/json", BODY).status()).as("and its own endpoint still refuses").isEqualTo(409);
    }

    @Test
    void theGenericAttributeIsAdminOnlyInTheUserProfile() {
        JsonNode profile = StaffRealm.admin().get("/realms/staff/users/profile").expect(200).body();
        JsonNode generic = null;
        for (JsonNode attribute : profile.path("attributes")) {
            if (attribute.path("name").asText().equals("careaccess.generic")) {
                generic = attribute;
            }
        }
        assertThat(generic).isNotNull();
        assertThat(generic.path("permissions").path("view").toString()).isEqualTo("[\"admin\"]");
        assertThat(generic.path("permissions").path("edit").toString()).isEqualTo("[\"admin\"]");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "no body              | application/json | ''                                              | 400 | invalid_request",
            "not JSON             | application/json | verification=x&ticket=y                         | 400 | invalid_request",
            "a JSON array         | application/json | []                                              | 400 | invalid_request",
            "no ticket            | application/json | {\"verification\":\"checked ID\"}               | 400 | invalid_request",
            "blank verification   | application/json | {\"verification\":\"  \",\"ticket\":\"SUP-1\"}  | 400 | invalid_request",
            "numeric ticket       | application/json | {\"verification\":\"checked\",\"ticket\":123}   | 400 | invalid_request",
            "ticket with markup   | application/json | {\"verification\":\"checked\",\"ticket\":\"<b>1</b>\"} | 400 | invalid_request",
            "form content type    | application/x-www-form-urlencoded | verification=x&ticket=y        | 415 | unsupported_media_type",
            "any content type     | */*              | BODY                                            | 415 | unsupported_media_type",
            "JSON-like type       | application/*    | BODY                                            | 415 | unsupported_media_type",
            "oversized body       | application/json | BIG                                             | 413 | payload_too_large",
            "unknown user         | application/json | BODY                                            | 404 | user_not_found"})
    void badInputGetsAClear4xxJsonAnswer(String what, String contentType, String body, int status, String error) {
        String id = what.equals("unknown user") ? "00000000-0000-0000-0000-000000000000" : StaffRealm.createStaff(StaffRealm.newEmail(), "x password 1");

        Answer answer = call(supportDesk, id, contentType, switch (body) {
            case "BODY" -> BODY;
            case "BIG" -> "{\"verification\":\"" + "v".repeat(9000) + "\",\"ticket\":\"SUP-1\"}";
            default -> body;
        });

        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.body()).as("a JSON body").isNotNull();
        assertThat(answer.body().path("error").asText()).isEqualTo(error);
        assertThat(answer.body().path("message").asText()).isNotBlank();
    }

    @Test
    void anOverlongTicketOrVerificationIsRefusedWithTheFieldNamed() {
        String id = StaffRealm.createStaff(StaffRealm.newEmail(), "x password 1");

        Answer ticket = call(supportDesk, id, "application/json", "{\"verification\":\"checked\",\"ticket\":\"" + "A".repeat(65) + "\"}");
        Answer verification = call(supportDesk, id, "application/json", "{\"verification\":\"" + "v".repeat(501) + "\",\"ticket\":\"SUP-9\"}");

        assertThat(ticket.status()).isEqualTo(400);
        assertThat(ticket.body().path("field").asText()).isEqualTo("ticket");
        assertThat(verification.status()).isEqualTo(400);
        assertThat(verification.body().path("field").asText()).isEqualTo("verification");
    }

    record Caller(String clientId, String secret, String userId) {
    }

    private static Caller serviceAccount(String clientId, String realmManagementRole, boolean supportRole) {
        String secret = "secret-" + clientId;
        String id = StaffRealm.admin().post("/realms/staff/clients", Map.of("clientId", clientId, "secret", secret, "publicClient", false,
                "standardFlowEnabled", false, "serviceAccountsEnabled", true)).expect(201).createdId();
        String userId = StaffRealm.admin().get("/realms/staff/clients/" + id + "/service-account-user").expect(200).body().path("id").asText();
        String realmManagement = realmManagementId();
        JsonNode userRole = StaffRealm.admin().get("/realms/staff/clients/" + realmManagement + "/roles/" + realmManagementRole).expect(200).body();
        StaffRealm.admin().post("/realms/staff/users/" + userId + "/role-mappings/clients/" + realmManagement, List.of(userRole)).expect(204);
        if (supportRole) {
            JsonNode role = StaffRealm.admin().get("/realms/staff/roles/careaccess-2fa-support").expect(200).body();
            StaffRealm.admin().post("/realms/staff/users/" + userId + "/role-mappings/realm", List.of(role)).expect(204);
        }
        return new Caller(clientId, secret, userId);
    }

    private static String realmManagementId() {
        return StaffRealm.admin().get("/realms/staff/clients?clientId=realm-management").expect(200).body().get(0).path("id").asText();
    }

    private static JsonNode adminEventFor(String userId) {
        JsonNode events = StaffRealm.admin().get("/realms/staff/admin-events?operationTypes=ACTION&resourcePath=users/" + userId + "/reset-2fa").expect(200).body();
        assertThat(events.size()).as("admin events for %s", userId).isPositive();
        return events.get(0);
    }

    record Answer(int status, JsonNode body) {
    }

    /** A call as the support desk's tool makes it: a token of its service account in the staff realm. */
    private static Answer call(Caller caller, String userId, String contentType, String body) {
        return send(caller, "POST", "/admin/realms/staff/careaccess/users/" + userId + "/reset-2fa", contentType, body);
    }

    private static Answer send(Caller caller, String method, String path, String json) {
        return send(caller, method, path, "application/json", json);
    }

    private static Answer send(Caller caller, String method, String path, String contentType, String body) {
        try {
            HttpClient http = HttpClient.newHttpClient();
            String realmUrl = CareAccessServer.server().realmUrl("staff");
            String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(caller.clientId(), StandardCharsets.UTF_8)
                    + "&client_secret=" + URLEncoder.encode(caller.secret(), StandardCharsets.UTF_8);
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            String accessToken = AdminClient.json().readTree(token.body()).path("access_token").asText();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(CareAccessServer.server().url() + path))
                    .header("Authorization", "Bearer " + accessToken)
                    .header("Content-Type", contentType)
                    .header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = response.body().isBlank() ? null : AdminClient.json().readTree(response.body());
            } catch (IOException e) {
                json = null;
            }
            return new Answer(response.statusCode(), json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
