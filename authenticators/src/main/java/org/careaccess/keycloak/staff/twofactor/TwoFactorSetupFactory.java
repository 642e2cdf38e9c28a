package org.careaccess.keycloak.staff.twofactor;

import org.careaccess.keycloak.flow.StatelessProviderFactory;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;

/** Required action {@code careaccess-2fa-setup}: set up text-message or authenticator-app codes. */
public final class TwoFactorSetupFactory implements RequiredActionFactory, StatelessProviderFactory<RequiredActionProvider> {

    public static final String PROVIDER_ID = "careaccess-2fa-setup";

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new TwoFactorSetup(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "CareAccess: set up two-factor authentication";
    }
}
