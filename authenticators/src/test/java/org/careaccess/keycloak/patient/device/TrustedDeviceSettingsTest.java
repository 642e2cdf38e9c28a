package org.careaccess.keycloak.patient.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class TrustedDeviceSettingsTest {

    @Test
    void theFirstDeviceIsTrustedByDefault() {
        assertThat(TrustedDeviceAuthenticator.trustFirstDevice(null)).isTrue();
        assertThat(TrustedDeviceAuthenticator.trustFirstDevice(new AuthenticatorConfigModel())).isTrue();
        assertThat(new TrustedDeviceAuthenticatorFactory().getConfigProperties()).singleElement()
                .satisfies(p -> assertThat(p.getDefaultValue()).isEqualTo("true"));
    }

    @Test
    void anAdminCanTurnItOff() {
        AuthenticatorConfigModel config = new AuthenticatorConfigModel();
        config.setConfig(Map.of("trustFirstDevice", "false"));

        assertThat(TrustedDeviceAuthenticator.trustFirstDevice(config)).isFalse();
    }

    @Test
    void aCookieValueHas256RandomBits() {
        String value = TrustedDeviceCookie.newValue();

        assertThat(java.util.Base64.getUrlDecoder().decode(value)).hasSize(32);
        assertThat(value).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(TrustedDeviceCookie.newValue());
    }
}
