package org.careaccess.keycloak.patient;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.UriBuilder;

import org.keycloak.OAuth2Constants;
import org.keycloak.locale.LocaleSelectorProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.OIDCLoginProtocolService;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.urls.UrlType;

/**
 * The OIDC authorization request that started a flow, rebuilt from what Keycloak kept of it in
 * the authentication session, so the same request (the client's state, nonce and PKCE challenge)
 * can start over in a fresh authentication session. The link's code is no longer kept (see
 * {@link RequestedLink}): the request carries a one-time ticket for the link instead.
 */
final class AuthorizationRequestReplay {

    /** Request parameters Keycloak keeps as client notes under their own names. */
    private static final List<String> KEPT_AS_IS = List.of(
            OIDCLoginProtocol.RESPONSE_TYPE_PARAM, OIDCLoginProtocol.SCOPE_PARAM, OIDCLoginProtocol.STATE_PARAM,
            OIDCLoginProtocol.NONCE_PARAM, OIDCLoginProtocol.RESPONSE_MODE_PARAM, OIDCLoginProtocol.PROMPT_PARAM,
            OIDCLoginProtocol.MAX_AGE_PARAM, OIDCLoginProtocol.LOGIN_HINT_PARAM, OIDCLoginProtocol.ACR_PARAM,
            OIDCLoginProtocol.CLAIMS_PARAM, OIDCLoginProtocol.CODE_CHALLENGE_PARAM, OIDCLoginProtocol.CODE_CHALLENGE_METHOD_PARAM,
            OIDCLoginProtocol.RESOURCE_PARAM, OIDCLoginProtocol.DPOP_JKT, OAuth2Constants.DISPLAY);

    private AuthorizationRequestReplay() {
    }

    static URI of(KeycloakSession session, AuthenticationSessionModel authSession, String linkTicket) {
        UriBuilder request = OIDCLoginProtocolService.authUrl(UriBuilder.fromUri(session.getContext().getUri(UrlType.FRONTEND).getBaseUri()))
                .queryParam(OIDCLoginProtocol.CLIENT_ID_PARAM, authSession.getClient().getClientId())
                .queryParam(OIDCLoginProtocol.REDIRECT_URI_PARAM, authSession.getRedirectUri());
        Map<String, String> notes = authSession.getClientNotes();
        for (String name : KEPT_AS_IS) {
            String value = notes.get(name);
            if (value != null) {
                request.queryParam(name, value);
            }
        }
        String locales = notes.get(LocaleSelectorProvider.CLIENT_REQUEST_LOCALE);
        if (locales != null) {
            request.queryParam(OIDCLoginProtocol.UI_LOCALES_PARAM, locales);
        }
        String extra = AuthorizationEndpoint.LOGIN_SESSION_NOTE_ADDITIONAL_REQ_PARAMS_PREFIX;
        notes.forEach((name, value) -> {
            if (name.startsWith(extra) && !RequestedLink.PARAMETERS.contains(name.substring(extra.length()))) {
                request.queryParam(name.substring(extra.length()), value);
            }
        });
        request.queryParam(RequestedLink.TICKET_PARAMETER, linkTicket);
        return request.build(authSession.getRealm().getName());
    }
}
