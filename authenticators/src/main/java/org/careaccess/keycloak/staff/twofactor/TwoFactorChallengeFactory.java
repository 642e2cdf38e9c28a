package org.careaccess.keycloak.staff.twofactor;

import java.util.Set;

import org.careaccess.keycloak.flow.FlowStepFactory;
import org.careaccess.keycloak.otp.CodePolicy;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.credential.OTPCredentialModel;

/** The staff two-factor step: a texted code or an authenticator-app code. */
public final class TwoFactorChallengeFactory extends FlowStepFactory {

    public static final String PROVIDER_ID = "careaccess-staff-2fa";

    /**
     * Reference category "otp": Keycloak's brute-force protection counts failures only for the
     * password, OTP and recovery-code categories (DefaultBruteForceProtector.ALLOWED_AUTHENTICATION_CATEGORIES
     * in 26.7), and a texted code is a one-time password too.
     */
    public TwoFactorChallengeFactory() {
        super(PROVIDER_ID, "CareAccess two-factor authentication", OTPCredentialModel.TYPE,
                "Asks for a security code by text message or from an authenticator app; people without either set one up "
                        + "(required action 'careaccess-2fa-setup'). Wrong codes count towards brute-force protection.",
                new TwoFactorChallenge(), CodePolicy.configProperties("person"),
                Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED);
    }

    /** Lists the text-message credential in the account console as well. */
    @Override
    public Set<String> getOptionalReferenceCategories(KeycloakSession session) {
        return Set.of(SmsCredentialModel.TYPE);
    }

    /** People without a second factor set one up (the {@code careaccess-2fa-setup} required action). */
    @Override
    public boolean isUserSetupAllowed() {
        return true;
    }

    /**
     * The text limits set on this step in the flow the current sign-in runs (the realm's browser
     * flow or a client's override), for required actions that text codes outside the step.
     */
    static CodePolicy policyOf(KeycloakSession session, RealmModel realm) {
        return CodePolicy.from(configInCurrentFlow(session, realm, PROVIDER_ID).orElse(null));
    }
}
