package org.careaccess.keycloak.patient.nhslogin;

import java.util.Optional;

import org.careaccess.keycloak.broker.BrokerLoginStep;
import org.careaccess.keycloak.link.NhsNumber;
import org.careaccess.keycloak.link.PatientUsers;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.UserModel;

/**
 * A patient's first NHS login (the first broker login flow): finds the patient with the NHS number
 * NHS login vouched for and links NHS login to them, without asking anything. Never by email or
 * name, and never a new account: without a patient with that NHS number, the person gets the
 * mismatch page (a link was opened) or the no-record page, and no session.
 */
final class NhsNumberMatchAuthenticator extends BrokerLoginStep {

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                                    BrokeredIdentityContext brokerContext) {
        String nhsNumber = brokerContext.getUserAttribute(NhsNumber.ATTRIBUTE);
        Optional<UserModel> patient = nhsNumber == null ? Optional.empty()
                : new PatientUsers(context.getSession(), context.getRealm()).byNhsNumber(nhsNumber).filter(UserModel::isEnabled);
        if (patient.isEmpty()) {
            NhsLoginPages.refuse(context, "no_patient_with_nhs_number");
            return;
        }
        context.setUser(patient.get());
        context.success();
    }

    /** The refusal pages have no form; anything posted to them gets the same answer. */
    @Override
    protected void actionImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                              BrokeredIdentityContext brokerContext) {
        authenticateImpl(context, serializedCtx, brokerContext);
    }
}
