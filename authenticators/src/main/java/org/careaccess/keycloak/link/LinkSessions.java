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
 * it ({@link LinkFlow#markOpened}) or with a client session whose claim names it. The patient's
 * sessions opened through other links only, or without one, are not the link's.
 */
final class LinkSessions {

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
        return userSession.getNote(LinkFlow.OPENED_NOTE_PREFIX + link.id()) != null
                || userSession.getAuthenticatedClientSessions().values().stream()
                .anyMatch(clientSession -> link.id().equals(clientSession.getNote(LinkFlow.CLAIM_ID_NOTE)));
    }
}
