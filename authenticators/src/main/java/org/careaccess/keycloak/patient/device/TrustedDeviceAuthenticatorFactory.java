package org.careaccess.keycloak.patient.device;

import java.util.List;

import org.careaccess.keycloak.flow.FlowStepFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;

public final class TrustedDeviceAuthenticatorFactory extends FlowStepFactory {

    public static final String PROVIDER_ID = "careaccess-trusted-device";

    public TrustedDeviceAuthenticatorFactory() {
        super(PROVIDER_ID, "CareAccess: trusted device", "careaccess-device",
                "Passes when this browser is the opened link's one trusted device (CAREACCESS_DEVICE cookie), or binds it when "
                        + "the link has no trusted device yet and 'Trust the first device' is on. Use as an ALTERNATIVE before "
                        + "the security code.",
                new TrustedDeviceAuthenticator(), List.of(TrustedDeviceAuthenticator.TRUST_FIRST_DEVICE.property()),
                Requirement.ALTERNATIVE, Requirement.REQUIRED, Requirement.DISABLED);
    }
}
