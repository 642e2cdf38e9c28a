package org.careaccess.it.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.careaccess.it.CareAccessServer;
import org.careaccess.testkit.AdminClient;
import org.careaccess.testkit.JsonApi.Answer;
import org.careaccess.testkit.Mails.Mail;
import org.careaccess.testkit.SupportDesk;
import org.careaccess.testkit.SupportDesk.Caller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The support desk's reset: {@code POST /admin/realms/staff/careaccess/users/{id}/reset-2fa} with
 * {@code {"verification","ticket"}}, for callers with manage-users and careaccess-2fa-support,
 * never for a generic account; every call an admin event; the person gets an email.
 */
@ExtendWith(CareAccessServer.class)
class SupportResetIT {

    private static final String BODY = "{\"verification\":\"Called back on the number in the staff record\",\"ticket\":\"SUP-123\"}";

    private static Caller supportDesk;
    private static Caller managerOnly;

    /** The support desk's tool and a user manager's tool, as service accounts of the staff realm. */
    @BeforeAll
    static void supportAccounts() {
        supportDesk = serviceAccount("it-support-desk", true);
        managerOnly = serviceAccount("it-user-manager", false);
    }

    @Test
    void aVerifiedResetRemovesTwoFactorEndsSessionsEmailsThePersonAndIsAnAdminEvent() {
        String email = StaffRealm.newEmail();
        String[] mobile = StaffRealm.newMobile();
        String id = StaffRealm.staffWithText(email, "their password 1", mobile);
        StaffRealm.signInWithText(CareAccessServer.browser(), email, "their password 1", mobile[1]);
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
            "unknown user         | application/json | BODY                                            | 404 | user_not_found"})
    void badInputGetsAClear4xxJsonAnswer(String what, String contentType, String body, int status, String error) {
        String id = what.equals("unknown user") ? "00000000-0000-0000-0000-000000000000" : StaffRealm.createStaff(StaffRealm.newEmail(), "x password 1");

        Answer answer = call(supportDesk, id, contentType, body.equals("BODY") ? BODY : body);

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

    private static Caller serviceAccount(String clientId, boolean supportRole) {
        return SupportDesk.serviceAccount(StaffRealm.admin(), "staff", clientId, supportRole);
    }

    private static JsonNode adminEventFor(String userId) {
        JsonNode events = StaffRealm.admin().get("/realms/staff/admin-events?operationTypes=ACTION&resourcePath=users/" + userId + "/reset-2fa").expect(200).body();
        assertThat(events.size()).as("admin events for %s", userId).isPositive();
        return events.get(0);
    }

    /** A call as the support desk's tool makes it: a token of its service account in the staff realm. */
    private static Answer call(Caller caller, String userId, String contentType, String body) {
        return SupportDesk.reset(CareAccessServer.server().url(), "staff", caller, userId, contentType, body);
    }
}
