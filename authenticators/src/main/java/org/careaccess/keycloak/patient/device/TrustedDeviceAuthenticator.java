package org.careaccess.keycloak.patient.device;

import java.util.Optional;

import org.careaccess.keycloak.events.CareAccessEvents;
import org.careaccess.keycloak.flow.FlowStep;
import org.careaccess.keycloak.flow.Setting;
import org.careaccess.keycloak.link.DeviceBinding;
import org.careaccess.keycloak.link.PatientLink;
import org.careaccess.keycloak.patient.AuthenticationMethods;
import org.careaccess.keycloak.patient.LinkFlow;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.AuthenticatorConfigModel;

/**
 * Step 3 (an ALTERNATIVE to the security code): passes when this browser is the link's trusted
 * device, or, with trustFirstDevice on, when the link has none yet (the first browser to open a
 * texted link is taken to be the phone it was texted to) and binds it. Otherwise it steps aside
 * ({@code attempted}) and the security code alternative runs. Shows nothing itself.
 */
final class TrustedDeviceAuthenticator implements FlowStep {

    static final String STEP = "device";
    static final Setting<Boolean> TRUST_FIRST_DEVICE = Setting.flag("trustFirstDevice", "Trust the first device", true,
            "The first browser to open a link becomes its trusted device without a security code (the link was "
                    + "texted to the patient's phone, so the first to open it is taken to be that phone). Off: every link "
                    + "needs a texted code once. Default on.");

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Optional<PatientLink> link = LinkFlow.currentLinkOrInvalidPage(context, STEP);
        if (link.isEmpty()) {
            return;
        }
        TrustedDevices devices = new TrustedDevices(context.getSession(), context.getRealm());
        if (devices.isTrustedFor(link.get())) {
            AuthenticationMethods.add(context, AuthenticationMethods.DEVICE);
            context.getEvent().detail(CareAccessEvents.DEVICE, "trusted");
            context.success();
            return;
        }
        if (trustFirstDevice(context.getAuthenticatorConfig()) && devices.claimFirstDevice(link.get())) {
            devices.bind(link.get(), DeviceBinding.FIRST_USE, context.getEvent());
            context.getEvent().detail(CareAccessEvents.DEVICE, DeviceBinding.FIRST_USE.value());
            context.success();
            return;
        }
        context.attempted();
    }

    static boolean trustFirstDevice(AuthenticatorConfigModel config) {
        return TRUST_FIRST_DEVICE.read(config);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
    }
}
