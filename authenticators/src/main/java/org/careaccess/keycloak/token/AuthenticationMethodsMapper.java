package org.careaccess.keycloak.token;

import java.util.List;

import org.careaccess.keycloak.patient.AuthenticationMethods;
import org.keycloak.OAuth2Constants;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.IDToken;

/**
 * The {@code amr} claim from what the CareAccess steps recorded ({@link AuthenticationMethods}):
 * {@code dob}, {@code sms}, {@code device}, {@code nhslogin}. Keycloak's own AMR mapper lists every
 * completed execution, and a step that completes without being done (the code step passed over
 * for a trusted device) would then claim more than happened.
 */
public final class AuthenticationMethodsMapper extends CareAccessClaimMapper {

    public static final String PROVIDER_ID = "careaccess-amr-mapper";

    public AuthenticationMethodsMapper() {
        super(PROVIDER_ID, "CareAccess: authentication methods (amr)",
                "Adds amr with the methods the CareAccess steps actually used: dob, sms, device, nhslogin.");
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession, KeycloakSession session,
                            ClientSessionContext clientSessionCtx) {
        String methods = clientSessionCtx.getClientSession().getNote(AuthenticationMethods.NOTE);
        if (methods == null) {
            // Single sign-on into another client: what the session's own sign-in used.
            methods = userSession.getNote(AuthenticationMethods.NOTE);
        }
        List<String> amr = AuthenticationMethods.parse(methods);
        if (!amr.isEmpty()) {
            token.getOtherClaims().put(OAuth2Constants.AUTHENTICATOR_METHOD_REFERENCE, amr);
        }
    }
}
