package org.careaccess.keycloak.broker;

import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.representations.JsonWebToken;

import com.fasterxml.jackson.databind.JsonNode;

/** Claims of a brokered sign-in: from the validated ID token, or from the userinfo answer. */
public final class TokenClaims {

    private TokenClaims() {
    }

    /** A claim of the token as text, or null when absent. */
    public static String of(JsonWebToken token, String name) {
        Object value = token == null ? null : token.getOtherClaims().get(name);
        return value == null ? null : value.toString();
    }

    /** A claim of this sign-in's userinfo answer, else of its validated ID token; null when neither has it. */
    public static String of(BrokeredIdentityContext identity, String name) {
        Object userInfo = identity.getContextData().get(OIDCIdentityProvider.USER_INFO);
        if (userInfo instanceof JsonNode json && json.hasNonNull(name) && json.get(name).isValueNode()) {
            return json.get(name).asText();
        }
        return of((JsonWebToken) identity.getContextData().get(OIDCIdentityProvider.VALIDATED_ID_TOKEN), name);
    }
}
