package org.careaccess.keycloak.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;

class SettingTest {

    private static final Setting<Long> TRIES = Setting.number("tries", "Tries", 5, 1, 100, "How many tries.");
    private static final Setting<Boolean> SWITCH = Setting.flag("switch", "Switch", true, "On or off.");

    @Test
    void aNumberIsDeclaredAsANumberWithItsBoundsAndDefaultInTheHelp() {
        ProviderConfigProperty property = TRIES.property();

        assertThat(property.getType()).isEqualTo(ProviderConfigProperty.INTEGER_TYPE);
        assertThat(property.getDefaultValue()).isEqualTo("5");
        assertThat(property.getHelpText()).isEqualTo("How many tries. 1 to 100. Default 5.");
        assertThat(SWITCH.property().getType()).isEqualTo(ProviderConfigProperty.BOOLEAN_TYPE);
    }

    @Test
    void anUnsetValueIsTheDefaultWithoutAWarning() {
        assertThat(TRIES.reading(null)).isEqualTo(new Setting.Reading<>(5L, java.util.Optional.empty()));
        assertThat(TRIES.reading(config(Map.of("tries", " ")))).isEqualTo(new Setting.Reading<>(5L, java.util.Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", " 42 ", "100"})
    void aValueWithinBoundsIsUsed(String value) {
        Setting.Reading<Long> reading = TRIES.reading(config(Map.of("tries", value)));

        assertThat(reading.value()).isEqualTo(Long.parseLong(value.trim()));
        assertThat(reading.warning()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "101", "lots", "1.5", "99999999999999999999"})
    void aValueOutOfBoundsIsTheDefaultWithAWarningNamingTheSetting(String value) {
        Setting.Reading<Long> reading = TRIES.reading(config(Map.of("tries", value)));

        assertThat(reading.value()).isEqualTo(5L);
        assertThat(reading.warning()).hasValueSatisfying(warning -> assertThat(warning)
                .contains("tries", "'" + value + "'", "my-step", "default 5"));
        assertThat(TRIES.read(config(Map.of("tries", value)))).isEqualTo(5L);
    }

    @Test
    void aLongValueIsCutShortInTheWarning() {
        String value = "9".repeat(500);

        assertThat(TRIES.reading(config(Map.of("tries", value))).warning()).hasValueSatisfying(warning -> assertThat(warning)
                .doesNotContain(value).contains("9".repeat(40) + "..."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "0", "off", "treu"})
    void aFlagReadsOnlyTrueAndFalse(String value) {
        assertThat(SWITCH.reading(config(Map.of("switch", value))).warning()).isPresent();
        assertThat(SWITCH.read(config(Map.of("switch", "FALSE")))).isFalse();
        assertThat(SWITCH.read(config(Map.of("switch", "true")))).isTrue();
    }

    private static AuthenticatorConfigModel config(Map<String, String> values) {
        AuthenticatorConfigModel config = new AuthenticatorConfigModel();
        config.setAlias("my-step");
        config.setConfig(values);
        return config;
    }
}
