package org.careaccess.keycloak.patient.nhslogin;

import java.util.List;

import org.careaccess.keycloak.flow.FlowStepFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;

public final class NhsNumberMatchAuthenticatorFactory extends FlowStepFactory {

    public static final String PROVIDER_ID = "careaccess-nhs-number-match";

    public NhsNumberMatchAuthenticatorFactory() {
        super(PROVIDER_ID, "CareAccess: patient by NHS number", null,
                "For NHS login's first broker login flow: links NHS login to the patient with the same NHS number, without "
                        + "asking; never by email or name, and never creates an account.",
                new NhsNumberMatchAuthenticator(), List.of(), Requirement.REQUIRED, Requirement.DISABLED);
    }
}
