package org.careaccess.keycloak.patient.dob;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.models.AuthenticatorConfigModel;

class DateOfBirthPolicyTest {

    @Test
    void theDefaultsAreFiveWrongDatesLocksOfFifteenMinutesOneHourFourHoursAndTwentyInALinksLife() {
        assertThat(DateOfBirthPolicy.from(null)).isEqualTo(new DateOfBirthPolicy(5, List.of(900L, 3600L, 14400L), 20));
        assertThat(DateOfBirthPolicy.configProperties()).extracting(p -> p.getName() + "=" + p.getDefaultValue())
                .containsExactly("dateOfBirthMaxAttempts=5", "dateOfBirthLockSeconds=900,3600,14400", "dateOfBirthMaxWrongDatesPerLink=20");
        assertThat(DateOfBirthPolicy.configProperties()).allSatisfy(p -> assertThat(p.getHelpText()).isNotBlank());
    }

    @Test
    void eachLockLastsItsOwnTimeThenTheLastTimeAgain() {
        DateOfBirthPolicy policy = DateOfBirthPolicy.DEFAULTS;

        assertThat(List.of(0, 1, 2, 3, 9)).extracting(policy::lockSeconds).containsExactly(900L, 3600L, 14400L, 14400L, 14400L);
    }

    @Test
    void aSingleLockTimeStillWorksForEveryLock() {
        DateOfBirthPolicy policy = from(Map.of(DateOfBirthPolicy.LOCK_SECONDS, "600"));

        assertThat(policy.lockSeconds()).containsExactly(600L);
        assertThat(policy.lockSeconds(5)).isEqualTo(600L);
    }

    @Test
    void settingsOverrideTheDefaults() {
        DateOfBirthPolicy policy = from(Map.of(DateOfBirthPolicy.MAX_ATTEMPTS, "3", DateOfBirthPolicy.LOCK_SECONDS, " 1, 120 ",
                DateOfBirthPolicy.MAX_WRONG_DATES_PER_LINK, "12"));

        assertThat(policy).isEqualTo(new DateOfBirthPolicy(3, List.of(1L, 120L), 12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "0", "abc", "900,", ",900", "900,,3600", "900,-5", "2592001", "1,2,3,4,5,6,7,8,9,10,11"})
    void lockTimesOutOfBoundsFallBackToTheDefaults(String lockSeconds) {
        assertThat(from(Map.of(DateOfBirthPolicy.LOCK_SECONDS, lockSeconds)).lockSeconds()).containsExactly(900L, 3600L, 14400L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "100001", "twenty", "99999999999999999999"})
    void aLifetimeTotalOutOfBoundsFallsBackToTwenty(String total) {
        assertThat(from(Map.of(DateOfBirthPolicy.MAX_WRONG_DATES_PER_LINK, total)).maxWrongDatesPerLink()).isEqualTo(20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "100001", "five"})
    void wrongDatesBeforeALockOutOfBoundsFallBackToFive(String max) {
        assertThat(from(Map.of(DateOfBirthPolicy.MAX_ATTEMPTS, max)).maxAttempts()).isEqualTo(5);
    }

    @Test
    void theLongestLockIsThirtyDays() {
        assertThat(from(Map.of(DateOfBirthPolicy.LOCK_SECONDS, "2592000")).lockSeconds()).containsExactly(2592000L);
    }

    private static DateOfBirthPolicy from(Map<String, String> settings) {
        AuthenticatorConfigModel config = new AuthenticatorConfigModel();
        config.setConfig(settings);
        return DateOfBirthPolicy.from(config);
    }
}
