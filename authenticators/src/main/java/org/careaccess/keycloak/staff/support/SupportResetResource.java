package org.careaccess.keycloak.staff.support;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.careaccess.keycloak.accounts.GenericAccount;
import org.careaccess.keycloak.api.JsonApi;
import org.careaccess.keycloak.events.CareAccessEvents;
import org.careaccess.keycloak.staff.StaffEmails;
import org.careaccess.keycloak.staff.twofactor.TwoFactorReset;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /admin/realms/{realm}/careaccess/users/{id}/reset-2fa}: the support desk clears the
 * two-factor authentication of someone locked out, after verifying them. The caller needs the realm
 * role {@value #SUPPORT_ROLE} (of the realm the caller signs in to) and {@code view-users} to find
 * people, deliberately not {@code manage-users}: with that, Keycloak's own admin API would let the
 * support desk delete any credential, clear the generic marker or grant itself roles, and the
 * generic-account rule would be no rule. Generic (shared) accounts are refused with
 * {@code 409 {"error":"generic_account"}}. Every
 * call, refused or done, is an admin event with the caller, the ticket and the outcome; the person
 * gets an email. Answers are JSON ({@link JsonApi}: content type, size cap, error body), never a stack trace.
 */
final class SupportResetResource {

    static final String SUPPORT_ROLE = "careaccess-2fa-support";

    private static final int MAX_USER_ID_LENGTH = 36;
    /** The resource path's user id in the admin event of a call with an implausible id. */
    static final String NOT_A_USER_ID = "not-a-user-id";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    SupportResetResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @POST
    @Path("users/{id}/reset-2fa")
    @Produces(MediaType.APPLICATION_JSON)
    public Response resetTwoFactor(@PathParam("id") String userId, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream in) {
        boolean plausibleId = isPlausibleUserId(userId);
        // An implausible id goes neither to the database nor into the admin event's resource path:
        // PostgreSQL refuses a NUL in a query, and a path longer than its column failed the commit (a 500).
        AdminEventBuilder event = adminEvent.operation(OperationType.ACTION).resource(ResourceType.USER)
                .resourcePath("users", plausibleId ? userId : NOT_A_USER_ID, "reset-2fa");
        JsonApi.Body body = JsonApi.read(contentType, in);
        if (!auth.users().canView() || !callerIsSupportDesk()) {
            return refuse(event.detail(CareAccessEvents.TICKET, SupportReset.ticketOf(body.json())), "forbidden",
                    JsonApi.error(Response.Status.FORBIDDEN, "forbidden", null, "The caller needs the realm role " + SUPPORT_ROLE + " and view-users"));
        }
        if (body.json().isEmpty()) {
            return refuse(event, body.refusal().error(), body.refusal().response());
        }
        SupportReset request;
        try {
            request = SupportReset.parse(body.json().get());
        } catch (JsonApi.Invalid e) {
            return refuse(event.detail(CareAccessEvents.TICKET, SupportReset.ticketOf(body.json())), "invalid_request", e.response());
        }
        event.detail(CareAccessEvents.TICKET, request.ticket()).detail(CareAccessEvents.VERIFICATION, request.verification());
        UserModel user = plausibleId ? session.users().getUserById(realm, userId) : null;
        if (user == null) {
            return refuse(event, "user_not_found",
                    JsonApi.error(Response.Status.NOT_FOUND, "user_not_found", null, "No user with this id in realm " + realm.getName()));
        }
        if (GenericAccount.is(user)) {
            return refuse(event, "generic_account", JsonApi.error(Response.Status.CONFLICT, "generic_account", null,
                    "This is a generic (shared) account: its two-factor authentication cannot be reset by the support desk."));
        }
        TwoFactorReset.Outcome outcome = TwoFactorReset.resetAndSignOut(session, realm, user);
        boolean emailed = StaffEmails.twoFactorResetBySupport(session, realm, user, request.ticket());
        event.detail(CareAccessEvents.OUTCOME, "reset")
                .detail("careaccess_credentials_removed", Integer.toString(outcome.credentialsRemoved()))
                .detail("careaccess_sessions_ended", Integer.toString(outcome.sessionsEnded()))
                .detail("careaccess_email", emailed ? "sent" : "failed")
                .success();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("result", "reset");
        answer.put("credentialsRemoved", outcome.credentialsRemoved());
        answer.put("sessionsEnded", outcome.sessionsEnded());
        answer.put("emailSent", emailed);
        return JsonApi.json(Response.Status.OK, answer);
    }

    /** The realm role is looked up in the realm the caller signed in to (the staff realm, for a support-desk account). */
    private boolean callerIsSupportDesk() {
        AdminAuth caller = auth.adminAuth();
        RoleModel role = caller.getRealm().getRole(SUPPORT_ROLE);
        return role != null && caller.getUser() != null && caller.getUser().hasRole(role);
    }

    /** Every refused call is an admin event too, with what it ended in. */
    private static Response refuse(AdminEventBuilder event, String outcome, Response answer) {
        event.detail(CareAccessEvents.OUTCOME, outcome);
        event.getEvent().setError(outcome);
        event.success();
        return answer;
    }

    /** At most 36 characters (a Keycloak id's column), none of them a control character. */
    static boolean isPlausibleUserId(String userId) {
        return userId != null && !userId.isEmpty() && userId.length() <= MAX_USER_ID_LENGTH
                && userId.chars().noneMatch(Character::isISOControl);
    }
}
