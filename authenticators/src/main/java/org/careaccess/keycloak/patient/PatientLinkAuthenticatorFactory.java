package org.careaccess.keycloak.patient;

import java.util.List;

import org.careaccess.keycloak.flow.FlowStepFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;

public final class PatientLinkAuthenticatorFactory extends FlowStepFactory {

    public static final String PROVIDER_ID = "careaccess-patient-link";

    public PatientLinkAuthenticatorFactory() {
        super(PROVIDER_ID, "CareAccess: patient link", "careaccess-link",
                "Finds the patient link whose code came as the careaccess_link authorization request parameter and makes its "
                        + "patient the user; shows 'this link does not work' for unknown, expired or revoked links. Without a link, "
                        + "an existing sign-in of this browser may continue (single sign-on). Put it first in the patient flow.",
                new PatientLinkAuthenticator(), List.of(), Requirement.REQUIRED, Requirement.DISABLED);
    }
}
