package org.careaccess.keycloak.nhslogin;

import java.util.Arrays;
import java.util.List;

import org.keycloak.broker.oidc.OIDCIdentityProviderFactory;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The identity provider type "NHS login" in the admin console. */
public final class NhsLoginIdentityProviderFactory extends OIDCIdentityProviderFactory {

    public static final String PROVIDER_ID = "careaccess-nhs-login";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getName() {
        return "NHS login";
    }

    @Override
    public String getHelpText() {
        return "NHS login for patients: OpenID Connect with private_key_jwt (RS512, the realm's key), vectors of trust "
                + "requested and checked, the patient matched by NHS number.";
    }

    @Override
    public NhsLoginIdentityProvider create(KeycloakSession session, IdentityProviderModel model) {
        return new NhsLoginIdentityProvider(session, new NhsLoginIdentityProviderConfig(model));
    }

    @Override
    public NhsLoginIdentityProviderConfig createConfig() {
        return new NhsLoginIdentityProviderConfig();
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name("clientId").label("Client ID").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("The client ID NHS login gave this service when it was registered.").add()
                .property().name(NhsLoginIdentityProviderConfig.ENVIRONMENT).label("Environment")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(Arrays.stream(NhsLoginEnvironment.values()).map(NhsLoginEnvironment::value).toList())
                .defaultValue(NhsLoginEnvironment.SANDPIT.value())
                .helpText("sandpit (" + NhsLoginEnvironment.SANDPIT.issuer().orElseThrow() + "), integration ("
                        + NhsLoginEnvironment.INTEGRATION.issuer().orElseThrow() + "), production ("
                        + NhsLoginEnvironment.PRODUCTION.issuer().orElseThrow() + "), or custom: the issuer below. "
                        + "Endpoints come from the issuer's discovery document.").add()
                .property().name(NhsLoginIdentityProviderConfig.CUSTOM_ISSUER).label("Custom issuer")
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Only with the environment 'custom': the issuer URL of a stand-in for NHS login (tests, demos).").add()
                .property().name(NhsLoginIdentityProviderConfig.VECTORS_OF_TRUST).label("Vectors of trust (vtr)")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(VectorsOfTrust.DEFAULT)
                .helpText("Sent as the vtr parameter; a sign-in whose vot is not one of these is refused. A JSON array, "
                        + "default " + VectorsOfTrust.DEFAULT + " (a verified identity, P9).").add()
                .property().name("defaultScope").label("Scopes").type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(NhsLoginIdentityProviderConfig.DEFAULT_SCOPE)
                .helpText("Scopes asked of NHS login. Default: openid profile phone (NHS number, birth date, names, mobile).").add()
                .property().name(NhsLoginIdentityProviderConfig.PROMPT_LOGIN).label("Always ask to sign in (prompt=login)")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false")
                .helpText("Sends prompt=login, so NHS login asks the patient to sign in even when it has a session.").add()
                .build();
    }
}
