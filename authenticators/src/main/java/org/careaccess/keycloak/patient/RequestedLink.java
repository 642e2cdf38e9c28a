package org.careaccess.keycloak.patient;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.careaccess.keycloak.link.LinkCodes;
import org.careaccess.keycloak.link.PatientLink;
import org.careaccess.keycloak.link.PatientLinks;
import org.careaccess.keycloak.secrets.Secrets;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Which link an authorization request asks for. The code comes as the request parameter
 * {@code careaccess_link}, which Keycloak keeps as a client note and, at the end of the flow,
 * copies into the client session it persists in the database: the note is read once and removed,
 * and only the link's id is kept (also as a client note, which survives Keycloak's flow resets).
 * A request started again after "sign out and continue" carries a one-time ticket for the link
 * instead of the code, which this server no longer has.
 */
final class RequestedLink {

    static final String TICKET_PARAMETER = "careaccess_link_ticket";
    /** The request parameters that name a link: never replayed as they came. */
    static final Set<String> PARAMETERS = Set.of(LinkCodes.PARAMETER, TICKET_PARAMETER);
    /** Client note: the id of the link this request asked for; empty when its code or ticket opened none. */
    static final String ID_NOTE = "careaccess.link.requested";
    private static final String CODE_NOTE = AuthorizationEndpoint.LOGIN_SESSION_NOTE_ADDITIONAL_REQ_PARAMS_PREFIX + LinkCodes.PARAMETER;
    private static final String TICKET_NOTE = AuthorizationEndpoint.LOGIN_SESSION_NOTE_ADDITIONAL_REQ_PARAMS_PREFIX + TICKET_PARAMETER;
    private static final int TICKET_BYTES = 32;
    private static final long TICKET_SECONDS = 120;
    private static final String TICKET_LINK = "linkId";

    private RequestedLink() {
    }

    /**
     * The id of the link this request asks for (empty string: one that does not exist), or empty
     * when it asks for none. Removes the code or ticket from the authentication session.
     */
    static Optional<String> take(KeycloakSession session, AuthenticationSessionModel authSession) {
        String code = authSession.getClientNote(CODE_NOTE);
        String ticket = authSession.getClientNote(TICKET_NOTE);
        authSession.removeClientNote(CODE_NOTE);
        authSession.removeClientNote(TICKET_NOTE);
        RealmModel realm = authSession.getRealm();
        if (code != null) {
            return Optional.of(remember(authSession, new PatientLinks(session, realm).byCode(code).map(PatientLink::id).orElse("")));
        }
        if (ticket != null) {
            return Optional.of(remember(authSession, redeem(session, realm, ticket)));
        }
        return Optional.ofNullable(authSession.getClientNote(ID_NOTE));
    }

    /** A ticket that opens this link once, within two minutes, in place of its code. */
    static String ticket(KeycloakSession session, RealmModel realm, String linkId) {
        String ticket = Secrets.newToken(TICKET_BYTES);
        // putIfAbsent would carry no link id; the browser only follows the redirect after this request ends.
        session.singleUseObjects().put(key(realm, ticket), TICKET_SECONDS, Map.of(TICKET_LINK, linkId));
        return ticket;
    }

    private static String redeem(KeycloakSession session, RealmModel realm, String ticket) {
        if (!Secrets.isToken(ticket, TICKET_BYTES)) {
            return "";
        }
        Map<String, String> notes = session.singleUseObjects().remove(key(realm, ticket));
        return notes == null ? "" : notes.getOrDefault(TICKET_LINK, "");
    }

    private static String remember(AuthenticationSessionModel authSession, String linkId) {
        authSession.setClientNote(ID_NOTE, linkId);
        return linkId;
    }

    private static String key(RealmModel realm, String ticket) {
        return "careaccess:link-ticket:" + realm.getId() + ":" + ticket;
    }
}
