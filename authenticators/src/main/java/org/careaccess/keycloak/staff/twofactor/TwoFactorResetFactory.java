package org.careaccess.keycloak.staff.twofactor;

import org.careaccess.keycloak.flow.StatelessProviderFactory;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;

/** Application-initiated action {@code careaccess-reset-2fa}: reset two-factor authentication. */
public final class TwoFactorResetFactory implements RequiredActionFactory, StatelessProviderFactory<RequiredActionProvider> {

    public static final String PROVIDER_ID = "careaccess-reset-2fa";

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new TwoFactorReset(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "CareAccess: reset two-factor authentication";
    }
}
