package org.careaccess.keycloak.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.careaccess.keycloak.sms.MapScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetentionOptionsTest {

    private static RetentionOptions options(String option, String value) {
        return RetentionOptions.from(new MapScope(Map.of(option, value)));
    }

    @Test
    void byDefaultEveryHourInBatchesOfAThousand() {
        RetentionOptions defaults = RetentionOptions.from(new MapScope(Map.of()));

        assertThat(defaults.interval()).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.batchSize()).isEqualTo(1000);
    }

    @ParameterizedTest
    @CsvSource({"3600, 3600", "5, 5", "30m, 1800", "1h, 3600", "2h30m, 9000", "PT10S, 10"})
    void theIntervalIsAKeycloakDuration(String value, long seconds) {
        assertThat(options(RetentionOptions.INTERVAL, value).interval()).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-60", "500ms", "soon", "1 hour"})
    void aBadIntervalStopsTheServerNamingTheOption(String value) {
        assertThatThrownBy(() -> options(RetentionOptions.INTERVAL, value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--spi-careaccess-retention--default--interval").hasMessageContaining("'" + value + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "250", "1000"})
    void aBatchSizeFromOneToAThousand(String value) {
        assertThat(options(RetentionOptions.BATCH_SIZE, value).batchSize()).isEqualTo(Integer.parseInt(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1001", "many"})
    void aBadBatchSizeStopsTheServerNamingTheOption(String value) {
        assertThatThrownBy(() -> options(RetentionOptions.BATCH_SIZE, value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--spi-careaccess-retention--default--batch-size");
    }
}
