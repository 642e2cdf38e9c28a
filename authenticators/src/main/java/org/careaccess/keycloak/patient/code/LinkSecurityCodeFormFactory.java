package org.careaccess.keycloak.patient.code;

import org.careaccess.keycloak.flow.FlowStepFactory;
import org.careaccess.keycloak.otp.CodePolicy;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.RealmModel;
import org.keycloak.models.credential.OTPCredentialModel;

public final class LinkSecurityCodeFormFactory extends FlowStepFactory {

    public static final String PROVIDER_ID = "careaccess-security-code";

    /**
     * Reference category "otp": a texted one-time code, and Keycloak 26.7's brute-force protection
     * counts failures only of the categories password, otp and recovery-authn-codes.
     */
    public LinkSecurityCodeFormFactory() {
        super(PROVIDER_ID, "CareAccess: security code by text (patient link)", OTPCredentialModel.TYPE,
                "Texts a 6-digit security code to the number the opened link was sent to and checks it; the right code makes "
                        + "this browser the link's trusted device. Use as the ALTERNATIVE after the trusted device step.",
                new LinkSecurityCodeForm(), CodePolicy.configProperties("link"),
                Requirement.ALTERNATIVE, Requirement.REQUIRED, Requirement.DISABLED);
    }

    /** The daily limit per number the realm's patient-link code step is set to (its default when the realm has none). */
    public static int maxTextsPerNumberPerDay(RealmModel realm) {
        return realm.getAuthenticationFlowsStream()
                .flatMap(flow -> realm.getAuthenticationExecutionsStream(flow.getId()))
                .filter(execution -> PROVIDER_ID.equals(execution.getAuthenticator()))
                .map(execution -> execution.getAuthenticatorConfig() == null ? null : realm.getAuthenticatorConfigById(execution.getAuthenticatorConfig()))
                .map(config -> CodePolicy.from(config).maxTextsPerNumberPerDay())
                .findFirst().orElse(CodePolicy.DEFAULTS.maxTextsPerNumberPerDay());
    }
}
