package org.careaccess.keycloak.link;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;

/**
 * The sessions a link opened: the patient's online and offline sessions marked as opened through
 * it (the patient-link flow marks it) or with a client session whose claim names it. The patient's
 * sessions opened through other links only, or without one, are not the link's.
 */
public final class LinkSessions {

    /** Client notes copied into the client session: what the {@code careaccess_link} claim says. */
    public static final String CLAIM_ID_NOTE = "careaccess.link.id";

    /**
     * User-session note per link, {@code careaccess.link.opened.<id>}: the session was signed in
     * through that link. The client session's {@link #CLAIM_ID_NOTE} alone is not enough: a later
     * sign-in of the same client without a link (single sign-on) overwrites it.
     */
    public static final String OPENED_NOTE_PREFIX = "careaccess.link.opened.";

    private final KeycloakSession session;
    private final RealmModel realm;

    LinkSessions(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** Ends them all, so their refresh tokens fail with {@code invalid_grant} on every node. */
    void endAll(PatientLink link) {
        UserModel patient = session.users().getUserById(realm, link.userId());
        if (patient == null) {
            return;
        }
        end(session.sessions().getUserSessionsStream(realm, patient), link, session.sessions()::removeUserSession);
        end(session.sessions().getOfflineUserSessionsStream(realm, patient), link, session.sessions()::removeOfflineUserSession);
    }

    private void end(Stream<UserSessionModel> sessions, PatientLink link, BiConsumer<RealmModel, UserSessionModel> remove) {
        List<UserSessionModel> opened = sessions.filter(userSession -> openedThrough(userSession, link)).toList();
        opened.forEach(userSession -> remove.accept(realm, userSession));
    }

    private static boolean openedThrough(UserSessionModel userSession, PatientLink link) {
        return userSession.getNote(OPENED_NOTE_PREFIX + link.id()) != null
                || userSession.getAuthenticatedClientSessions().values().stream()
                .anyMatch(clientSession -> link.id().equals(clientSession.getNote(CLAIM_ID_NOTE)));
    }
}
