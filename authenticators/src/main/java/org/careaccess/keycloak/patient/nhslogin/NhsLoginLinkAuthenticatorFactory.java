package org.careaccess.keycloak.patient.nhslogin;

import java.util.List;

import org.careaccess.keycloak.flow.FlowStepFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;

public final class NhsLoginLinkAuthenticatorFactory extends FlowStepFactory {

    public static final String PROVIDER_ID = "careaccess-nhs-login-link";

    public NhsLoginLinkAuthenticatorFactory() {
        super(PROVIDER_ID, "CareAccess: NHS login for the opened link", null,
                "For NHS login's post broker login flow: checks that NHS login's NHS number is the patient's and, when a "
                        + "link was opened, that the link is this patient's; then skips date of birth and code and makes this "
                        + "browser the link's trusted device. Otherwise: the mismatch page and no session.",
                new NhsLoginLinkAuthenticator(), List.of(), Requirement.REQUIRED, Requirement.DISABLED);
    }
}
