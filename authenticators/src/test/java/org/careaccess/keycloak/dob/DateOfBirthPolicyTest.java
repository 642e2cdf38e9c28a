package org.careaccess.keycloak.dob;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class DateOfBirthPolicyTest {

    @Test
    void theDefaultsAreFiveWrongDatesAndAFifteenMinuteLock() {
        assertThat(DateOfBirthPolicy.from(null)).isEqualTo(new DateOfBirthPolicy(5, 900));
        assertThat(DateOfBirthPolicy.configProperties()).extracting(p -> p.getName() + "=" + p.getDefaultValue())
                .containsExactly("dateOfBirthMaxAttempts=5", "dateOfBirthLockSeconds=900");
    }

    @Test
    void settingsOverrideAndNonsenseFallsBackToTheDefault() {
        AuthenticatorConfigModel config = new AuthenticatorConfigModel();
        config.setConfig(Map.of(DateOfBirthPolicy.MAX_ATTEMPTS, "3", DateOfBirthPolicy.LOCK_SECONDS, "-1"));

        assertThat(DateOfBirthPolicy.from(config)).isEqualTo(new DateOfBirthPolicy(3, 900));
    }
}
