package org.careaccess.keycloak.patient.nhslogin;

import java.util.Optional;

import org.careaccess.keycloak.events.CareAccessEvents;
import org.careaccess.keycloak.flow.FlowStep;
import org.careaccess.keycloak.link.DeviceBinding;
import org.careaccess.keycloak.link.NhsNumber;
import org.careaccess.keycloak.link.PatientLink;
import org.careaccess.keycloak.patient.AuthenticationMethods;
import org.careaccess.keycloak.patient.LinkFlow;
import org.careaccess.keycloak.patient.device.TrustedDevices;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.broker.util.PostBrokerLoginConstants;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * After every NHS login (the post broker login flow): the NHS number NHS login vouched for must
 * still be the patient's. With a link opened, the link must be this patient's: then date of birth
 * and code are skipped and this browser becomes the link's trusted device (replacing any other);
 * otherwise the mismatch page and no session. Without a link (the portal's own "sign in with NHS
 * login"), the patient is simply signed in.
 */
final class NhsLoginLinkAuthenticator implements FlowStep {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        UserModel patient = context.getUser();
        SerializedBrokeredIdentityContext brokered = SerializedBrokeredIdentityContext.readFromAuthenticationSession(authSession,
                PostBrokerLoginConstants.PBL_BROKERED_IDENTITY_CONTEXT);
        String vouched = brokered == null ? null : brokered.getFirstAttribute(NhsNumber.ATTRIBUTE);
        if (vouched == null || !vouched.equals(patient.getFirstAttribute(NhsNumber.ATTRIBUTE))) {
            NhsLoginPages.refuse(context, "nhs_number_differs");
            return;
        }
        Optional<String> linkId = LinkFlow.openedLinkId(authSession);
        if (linkId.isEmpty()) {
            AuthenticationMethods.startOver(authSession);
            AuthenticationMethods.add(context, AuthenticationMethods.NHS_LOGIN);
            context.getEvent().detail(CareAccessEvents.STEP, NhsLoginPages.STEP);
            context.success();
            return;
        }
        Optional<PatientLink> link = LinkFlow.linkOrInvalidPage(context, NhsLoginPages.STEP, linkId.get());
        if (link.isEmpty()) {
            return;
        }
        if (!link.get().userId().equals(patient.getId())) {
            NhsLoginPages.refuse(context, "other_patients_link");
            return;
        }
        new TrustedDevices(context.getSession(), context.getRealm()).bind(link.get(), DeviceBinding.NHS_LOGIN, context.getEvent());
        // The broker's first-login flow cleared the mark the link step made.
        LinkFlow.markOpened(authSession, link.get());
        AuthenticationMethods.add(context, AuthenticationMethods.NHS_LOGIN);
        context.getEvent().detail(CareAccessEvents.STEP, NhsLoginPages.STEP)
                .detail(CareAccessEvents.DEVICE, DeviceBinding.NHS_LOGIN.value());
        context.success();
    }

    /** The refusal pages have no form; anything posted to them gets the same answer. */
    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
    }
}
