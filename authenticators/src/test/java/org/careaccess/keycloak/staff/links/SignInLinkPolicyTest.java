package org.careaccess.keycloak.staff.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class SignInLinkPolicyTest {

    @Test
    void byDefaultALinkWorksFifteenMinutesWithFivePerAddressAndFiftyPerIpAnHour() {
        SignInLinkPolicy policy = SignInLinkPolicy.from(null);

        assertThat(policy.lifetimeSeconds()).isEqualTo(900);
        assertThat(policy.lifetimeMinutes()).isEqualTo(15);
        assertThat(policy.maxPerAddressPerHour()).isEqualTo(5);
        assertThat(policy.maxPerIpPerHour()).isEqualTo(50);
    }

    @Test
    void theStepsSettingsOverrideTheDefaultsAndUnreadableOnesAreIgnored() {
        AuthenticatorConfigModel config = new AuthenticatorConfigModel();
        config.setConfig(Map.of(
                SignInLinkPolicy.LIFETIME_SECONDS, "600",
                SignInLinkPolicy.MAX_PER_ADDRESS_PER_HOUR, "-3",
                SignInLinkPolicy.MAX_PER_IP_PER_HOUR, "lots"));

        SignInLinkPolicy policy = SignInLinkPolicy.from(config);

        assertThat(policy.lifetimeSeconds()).isEqualTo(600);
        assertThat(policy.maxPerAddressPerHour()).isEqualTo(5);
        assertThat(policy.maxPerIpPerHour()).isEqualTo(50);
    }

    @Test
    void aLifetimeUnderAMinuteIsShownAsOneMinute() {
        assertThat(new SignInLinkPolicy(2, 5, 50).lifetimeMinutes()).isEqualTo(1);
        assertThat(new SignInLinkPolicy(61, 5, 50).lifetimeMinutes()).isEqualTo(2);
    }

    @Test
    void everySettingHasAHelpText() {
        assertThat(SignInLinkPolicy.configProperties()).hasSize(3)
                .allSatisfy(p -> assertThat(p.getHelpText()).isNotBlank());
    }

    @Test
    void everySettingIsANumberInTheConsole() {
        assertThat(SignInLinkPolicy.configProperties()).extracting(p -> p.getType())
                .containsOnly(org.keycloak.provider.ProviderConfigProperty.INTEGER_TYPE);
    }
}
