package org.careaccess.keycloak.patient.dob;

import org.careaccess.keycloak.flow.FlowStepFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.credential.PasswordCredentialModel;

public final class DateOfBirthFormFactory extends FlowStepFactory {

    public static final String PROVIDER_ID = "careaccess-date-of-birth";

    /**
     * Reference category "password": a date of birth is something the patient knows, and Keycloak
     * 26.7's brute-force protection counts failures only of the categories password, otp and
     * recovery-authn-codes (DefaultBruteForceProtector.ALLOWED_AUTHENTICATION_CATEGORIES).
     */
    public DateOfBirthFormFactory() {
        super(PROVIDER_ID, "CareAccess: date of birth", PasswordCredentialModel.TYPE,
                "Asks the patient of the opened link for their date of birth (NHS date input) and compares it with the patient's "
                        + "birthdate attribute. Too many wrong dates lock the link for a while, counted across the cluster.",
                new DateOfBirthForm(), DateOfBirthPolicy.configProperties(), Requirement.REQUIRED, Requirement.DISABLED);
    }
}
