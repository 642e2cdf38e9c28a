package org.careaccess.keycloak.staff.twofactor;

import java.util.List;

import org.careaccess.keycloak.events.CareAccessEvents;
import org.careaccess.keycloak.staff.StaffEmails;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * "Reset two-factor authentication" ({@code kc_action=careaccess-reset-2fa}), from an app's
 * security settings. It needs a second factor from this sign-in: a session that only saw a
 * password (or a sign-in link) is refused ({@code reset-2fa-refused}), since otherwise a stolen
 * password would be enough to remove the second factor. After confirmation
 * ({@code reset-2fa-confirm}) it removes the text-message and authenticator-app credentials, signs
 * the person out of every session, and emails a notice; the next sign-in sets 2FA up again.
 * Cancelling (Keycloak's {@code cancel-aia}) changes nothing.
 */
public final class TwoFactorReset implements RequiredActionProvider {

    static final String CONFIRM = "confirm";
    private static final String DONE_NOTE = "careaccess.reset.done";

    /** What a reset removed and ended. */
    public record Outcome(int credentialsRemoved, int sessionsEnded) {
    }

    private final KeycloakSession session;

    TwoFactorReset(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (context.getAuthenticationSession().getAuthNote(DONE_NOTE) != null) {
            context.challenge(donePage(context));
        } else if (!TwoFactorProof.inThisSignIn(session, context.getRealm(), context.getAuthenticationSession())) {
            context.getEvent().clone().event(EventType.REMOVE_CREDENTIAL).user(context.getUser())
                    .detail(CareAccessEvents.REASON, "second_factor_required").error("careaccess_second_factor_required");
            context.challenge(refusedPage(context.form(), "reset-2fa-refused"));
        } else {
            context.challenge(context.form().createForm("careaccess-staff-reset-2fa-confirm.ftl"));
        }
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (!form.containsKey(CONFIRM) || authSession.getAuthNote(DONE_NOTE) != null
                || !TwoFactorProof.inThisSignIn(session, context.getRealm(), authSession)) {
            requiredActionChallenge(context);
            return;
        }
        UserModel user = context.getUser();
        Outcome outcome = resetAndSignOut(session, context.getRealm(), user);
        boolean emailed = StaffEmails.twoFactorReset(session, context.getRealm(), user);
        context.getEvent().clone().event(EventType.REMOVE_CREDENTIAL).user(user)
                .detail(CareAccessEvents.REASON, "self_reset")
                .detail("careaccess_credentials_removed", Integer.toString(outcome.credentialsRemoved()))
                .detail("careaccess_sessions_ended", Integer.toString(outcome.sessionsEnded()))
                .detail("careaccess_email", emailed ? "sent" : "failed")
                .success();
        AuthenticationManager.expireIdentityCookie(session);
        // This sign-in ends here: "Sign in again" restarts it without the reset still pending.
        authSession.setAuthNote(DONE_NOTE, "true");
        authSession.removeClientNote(Constants.KC_ACTION);
        authSession.removeClientNote(Constants.KC_ACTION_EXECUTING);
        authSession.removeRequiredAction(TwoFactorResetFactory.PROVIDER_ID);
        context.challenge(donePage(context));
    }

    private static Response donePage(RequiredActionContext context) {
        return context.form().setAttribute("email", context.getUser().getEmail()).createForm("careaccess-staff-reset-2fa-done.ftl");
    }

    /**
     * Removes every two-factor credential and ends every session of the user, telling the apps
     * (back-channel logout) and invalidating tokens issued before now.
     */
    public static Outcome resetAndSignOut(KeycloakSession session, RealmModel realm, UserModel user) {
        int removed = TwoFactorCredentials.removeAll(user);
        // Time.currentTime(), not currentTimeSeconds(): the latter is new in 26.7 and the JAR also runs on 26.5.
        session.users().setNotBeforeForUser(realm, user, Time.currentTime());
        List<UserSessionModel> sessions = session.sessions().getUserSessionsStream(realm, user).toList();
        sessions.forEach(userSession -> AuthenticationManager.backchannelLogout(session, realm, userSession,
                session.getContext().getUri(), session.getContext().getConnection(), session.getContext().getHttpRequest().getHttpHeaders(), true));
        return new Outcome(removed, sessions.size());
    }

    /** The page for an action that needs a second factor this sign-in did not have. */
    static Response refusedPage(LoginFormsProvider form, String page) {
        return form.setAttribute("careaccessPage", page).createForm("careaccess-staff-2fa-refused.ftl");
    }

    @Override
    public void close() {
    }
}
