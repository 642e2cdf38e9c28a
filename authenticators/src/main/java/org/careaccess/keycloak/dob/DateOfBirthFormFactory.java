package org.careaccess.keycloak.dob;

import org.careaccess.keycloak.flow.FlowStepFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;

public final class DateOfBirthFormFactory extends FlowStepFactory {

    public static final String PROVIDER_ID = "careaccess-date-of-birth";

    public DateOfBirthFormFactory() {
        super(PROVIDER_ID, "CareAccess: date of birth", "careaccess-dob",
                "Asks the patient of the opened link for their date of birth (NHS date input) and compares it with the patient's "
                        + "birthdate attribute. Too many wrong dates lock the link for a while, counted across the cluster.",
                new DateOfBirthForm(), DateOfBirthPolicy.configProperties(), Requirement.REQUIRED, Requirement.DISABLED);
    }
}
