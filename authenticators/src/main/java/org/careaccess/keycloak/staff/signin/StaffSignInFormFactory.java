package org.careaccess.keycloak.staff.signin;

import org.careaccess.keycloak.flow.FlowStepFactory;
import org.careaccess.keycloak.staff.links.SignInLinkPolicy;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.credential.PasswordCredentialModel;

/** The staff sign-in step: NHSmail button, email and password, or an emailed sign-in link. */
public final class StaffSignInFormFactory extends FlowStepFactory {

    public static final String PROVIDER_ID = "careaccess-staff-signin";

    public StaffSignInFormFactory() {
        super(PROVIDER_ID, "CareAccess staff sign-in", PasswordCredentialModel.TYPE,
                "Staff sign-in page: NHSmail first, then email address and password, or a sign-in link by email "
                        + "(single use, this browser only). Follow it with 'CareAccess two-factor authentication'.",
                StaffSignInForm::new, SignInLinkPolicy.configProperties(),
                Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED);
    }
}
