package org.careaccess.keycloak.nhsmail;

import java.util.List;

import org.careaccess.keycloak.broker.ProviderName;
import org.keycloak.broker.oidc.OIDCIdentityProviderFactory;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The identity provider type "NHSmail" in the admin console. */
public final class NhsMailIdentityProviderFactory extends OIDCIdentityProviderFactory {

    public static final String PROVIDER_ID = "careaccess-nhsmail";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getName() {
        return "NHSmail";
    }

    @Override
    public String getHelpText() {
        return "NHSmail single sign-on, or an organisation's own Microsoft 365 tenant (e.g. NHS Wales): "
                + "OpenID Connect with Microsoft Entra, pinned to one tenant, for addresses in the allowed domains only.";
    }

    @Override
    public NhsMailIdentityProvider create(KeycloakSession session, IdentityProviderModel model) {
        return new NhsMailIdentityProvider(session, new NhsMailIdentityProviderConfig(model));
    }

    @Override
    public NhsMailIdentityProviderConfig createConfig() {
        return new NhsMailIdentityProviderConfig();
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name("clientId").label("Application (client) ID").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("The application (client) ID of the app registration in NHSmail's Entra tenant.").add()
                .property().name("clientSecret").label("Client secret").type(ProviderConfigProperty.PASSWORD).secret(true)
                .helpText("A client secret of that app registration.").add()
                .property().name(NhsMailIdentityProviderConfig.TENANT).label("Tenant ID").type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(NhsMailIdentityProviderConfig.NHSMAIL_TENANT)
                .helpText("The Entra tenant whose tokens are accepted (their 'tid' claim and issuer). "
                        + "Default: NHSmail's tenant " + NhsMailIdentityProviderConfig.NHSMAIL_TENANT + ".").add()
                .property().name(NhsMailIdentityProviderConfig.ALLOWED_DOMAINS).label("Allowed email domains")
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .defaultValue(NhsMailIdentityProviderConfig.DEFAULT_ALLOWED_DOMAINS)
                .helpText("Only addresses in these domains may sign in (exact match, no subdomains). Default: nhs.net. "
                        + "An address in one of them typed on the sign-in page gets a hint to use this button instead.").add()
                .property().name(NhsMailIdentityProviderConfig.BUTTON_LABEL).label("Button label")
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("The sign-in button's words on English pages, e.g. 'Log in with NHS Wales'. "
                        + "Empty: 'Log in with' and the display name. Other texts on the page name the account by the display name.").add()
                .property().name(NhsMailIdentityProviderConfig.BUTTON_LABEL_CY).label("Button label (Welsh)")
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("The sign-in button's words on Welsh pages, e.g. 'Mewngofnodi gyda GIG Cymru'. "
                        + "Empty: 'Mewngofnodi gyda'ch cyfrif' and the Welsh display name.").add()
                .property().name(ProviderName.DISPLAY_NAME_CY).label("Display name (Welsh)")
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("The account's name on Welsh pages, e.g. 'GIG Cymru' (the Display name above is used on English pages). "
                        + "Empty: the Display name.").add()
                .build();
    }
}
