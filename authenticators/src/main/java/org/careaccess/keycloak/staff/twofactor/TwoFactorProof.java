package org.careaccess.keycloak.staff.twofactor;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Whether the current sign-in included a second factor, for actions that must not run on a
 * password alone (resetting or adding two-factor authentication).
 *
 * <p>The sign-in step writes {@code none} into a user-session note, the two-factor step (or a
 * confirmed enrolment) overwrites it with the method. The note travels with the user session, so
 * an SSO sign-in carries what its original sign-in did, and every new password or sign-in link
 * (a re-authentication included) resets it to {@code none} until a second factor follows.
 * NHSmail sign-ins never write it: NHSmail's own MFA cannot be verified from here.
 */
public final class TwoFactorProof {

    static final String NOTE = "careaccess.secondFactor";
    private static final String NONE = "none";

    private TwoFactorProof() {
    }

    public static void firstFactorDone(AuthenticationSessionModel authSession) {
        authSession.setUserSessionNote(NOTE, NONE);
    }

    static void secondFactorDone(AuthenticationSessionModel authSession, TwoFactorMethod method) {
        authSession.setUserSessionNote(NOTE, method.formValue());
    }

    static boolean inThisSignIn(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession) {
        String pending = authSession.getUserSessionNotes().get(NOTE);
        String value = pending != null ? pending : fromUserSession(session, realm, authSession);
        return value != null && !NONE.equals(value);
    }

    /** The note of the SSO session this sign-in continues, if it continues one. */
    private static String fromUserSession(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession) {
        UserSessionModel userSession = session.sessions().getUserSession(realm, authSession.getParentSession().getId());
        if (userSession == null) {
            AuthenticationManager.AuthResult cookie = AuthenticationManager.authenticateIdentityCookie(session, realm, true);
            userSession = cookie == null ? null : cookie.session();
        }
        if (userSession == null || authSession.getAuthenticatedUser() == null
                || !userSession.getUser().getId().equals(authSession.getAuthenticatedUser().getId())) {
            return null;
        }
        return userSession.getNote(NOTE);
    }
}
