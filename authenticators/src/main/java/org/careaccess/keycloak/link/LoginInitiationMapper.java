package org.careaccess.keycloak.link;

import java.util.List;

import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * A client's login-initiation URI (OpenID Connect Core 4, third-party-initiated login), where the
 * texted link sends a patient so the portal starts its own authorization request.
 *
 * <p>A "mapper" that puts nothing in any token (it implements none of the token mapper
 * interfaces): Keycloak has no field for {@code initiate_login_uri}, the client attributes have
 * no editor in the 26.x admin console, and extension tabs do not show (keycloak#39971). A mapper
 * is the one per-client setting an admin can add and edit there, with a help text: Clients, the
 * portal, Client scopes, its dedicated scope, Add mapper, By configuration.
 */
public final class LoginInitiationMapper extends AbstractOIDCProtocolMapper {

    public static final String PROVIDER_ID = "careaccess-login-initiation";
    public static final String URI = "initiate_login_uri";

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        ProviderConfigProperty uri = new ProviderConfigProperty(URI, "Login initiation URI",
                "The portal's https URL that starts a sign-in (OpenID Connect third-party-initiated login). A texted link "
                        + "sends the patient there with iss, target_link_uri and careaccess_link; the portal then sends its "
                        + "own authorization request with state, nonce and PKCE, passing careaccess_link on.",
                ProviderConfigProperty.STRING_TYPE, null);
        return List.of(uri);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "CareAccess: login initiation URI";
    }

    @Override
    public String getDisplayCategory() {
        return "CareAccess";
    }

    @Override
    public String getHelpText() {
        return "Where a texted patient link sends the patient to this client to start a sign-in. Adds nothing to tokens.";
    }
}
