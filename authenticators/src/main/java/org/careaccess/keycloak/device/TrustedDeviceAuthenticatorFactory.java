package org.careaccess.keycloak.device;

import java.util.List;

import org.careaccess.keycloak.flow.FlowStepFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

public final class TrustedDeviceAuthenticatorFactory extends FlowStepFactory {

    public static final String PROVIDER_ID = "careaccess-trusted-device";

    public TrustedDeviceAuthenticatorFactory() {
        super(PROVIDER_ID, "CareAccess: trusted device", "careaccess-device",
                "Passes when this browser is the opened link's one trusted device (CAREACCESS_DEVICE cookie), or binds it when "
                        + "the link has no trusted device yet and 'Trust the first device' is on. Use as an ALTERNATIVE before "
                        + "the security code.",
                new TrustedDeviceAuthenticator(), settings(), Requirement.ALTERNATIVE, Requirement.REQUIRED, Requirement.DISABLED);
    }

    private static List<ProviderConfigProperty> settings() {
        return ProviderConfigurationBuilder.create()
                .property().name(TrustedDeviceAuthenticator.TRUST_FIRST_DEVICE).label("Trust the first device")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("true")
                .helpText("The first browser to open a link becomes its trusted device without a security code (the link was "
                        + "texted to the patient's phone, so the first to open it is taken to be that phone). Off: every link "
                        + "needs a texted code once. Default on.").add()
                .build();
    }
}
