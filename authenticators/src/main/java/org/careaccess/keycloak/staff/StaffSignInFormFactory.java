package org.careaccess.keycloak.staff;

import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

/** The staff sign-in step: NHSmail button, email and password, or an emailed sign-in link. */
public final class StaffSignInFormFactory implements AuthenticatorFactory, StaffProviderFactory<Authenticator> {

    public static final String PROVIDER_ID = "careaccess-staff-signin";

    @Override
    public Authenticator create(KeycloakSession session) {
        return new StaffSignInForm(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "CareAccess staff sign-in";
    }

    @Override
    public String getHelpText() {
        return "Staff sign-in page: NHSmail first, then email address and password, or a sign-in link by email "
                + "(single use, this browser only). Follow it with 'CareAccess two-factor authentication'.";
    }

    @Override
    public String getReferenceCategory() {
        return PasswordCredentialModel.TYPE;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return SignInLinkPolicy.configProperties();
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIREMENT_CHOICES;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }
}
