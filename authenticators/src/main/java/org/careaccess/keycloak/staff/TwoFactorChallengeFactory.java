package org.careaccess.keycloak.staff;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.careaccess.keycloak.otp.CodePolicy;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.AuthenticationFlowResolver;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.sessions.AuthenticationSessionModel;

/** The staff two-factor step: a texted code or an authenticator-app code. */
public final class TwoFactorChallengeFactory implements AuthenticatorFactory, StaffProviderFactory<Authenticator> {

    public static final String PROVIDER_ID = "careaccess-staff-2fa";

    @Override
    public Authenticator create(KeycloakSession session) {
        return new TwoFactorChallenge(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "CareAccess two-factor authentication";
    }

    @Override
    public String getHelpText() {
        return "Asks for a security code by text message or from an authenticator app; people without either set one up "
                + "(required action 'careaccess-2fa-setup'). Wrong codes count towards brute-force protection.";
    }

    /**
     * "otp": Keycloak's brute-force protection counts failures only for the password, OTP and
     * recovery-code categories (DefaultBruteForceProtector.ALLOWED_AUTHENTICATION_CATEGORIES in
     * 26.7), and a texted code is a one-time password too.
     */
    @Override
    public String getReferenceCategory() {
        return OTPCredentialModel.TYPE;
    }

    /** Lists the text-message credential in the account console as well. */
    @Override
    public Set<String> getOptionalReferenceCategories(KeycloakSession session) {
        return Set.of(SmsCredentialModel.TYPE);
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CodePolicy.configProperties("person");
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIREMENT_CHOICES;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return true;
    }

    /**
     * The text limits set on this step in the flow the current sign-in runs (the realm's browser
     * flow or a client's override), for required actions that text codes outside the step.
     */
    static CodePolicy policyOf(KeycloakSession session, RealmModel realm) {
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        AuthenticationFlowModel flow = authSession != null ? AuthenticationFlowResolver.resolveBrowserFlow(authSession) : realm.getBrowserFlow();
        return CodePolicy.from(configIn(realm, flow).orElse(null));
    }

    private static Optional<AuthenticatorConfigModel> configIn(RealmModel realm, AuthenticationFlowModel flow) {
        if (flow == null) {
            return Optional.empty();
        }
        return realm.getAuthenticationExecutionsStream(flow.getId())
                .map(execution -> execution.isAuthenticatorFlow()
                        ? configIn(realm, realm.getAuthenticationFlowById(execution.getFlowId()))
                        : PROVIDER_ID.equals(execution.getAuthenticator()) && execution.getAuthenticatorConfig() != null
                                ? Optional.ofNullable(realm.getAuthenticatorConfigById(execution.getAuthenticatorConfig()))
                                : Optional.<AuthenticatorConfigModel>empty())
                .flatMap(Optional::stream)
                .findFirst();
    }
}
