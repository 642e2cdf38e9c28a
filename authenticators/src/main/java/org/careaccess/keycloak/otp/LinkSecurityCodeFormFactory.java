package org.careaccess.keycloak.otp;

import org.careaccess.keycloak.flow.FlowStepFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;

public final class LinkSecurityCodeFormFactory extends FlowStepFactory {

    public static final String PROVIDER_ID = "careaccess-security-code";

    public LinkSecurityCodeFormFactory() {
        super(PROVIDER_ID, "CareAccess: security code by text (patient link)", "careaccess-sms",
                "Texts a 6-digit security code to the number the opened link was sent to and checks it; the right code makes "
                        + "this browser the link's trusted device. Use as the ALTERNATIVE after the trusted device step.",
                new LinkSecurityCodeForm(), CodePolicy.configProperties("link"),
                Requirement.ALTERNATIVE, Requirement.REQUIRED, Requirement.DISABLED);
    }
}
