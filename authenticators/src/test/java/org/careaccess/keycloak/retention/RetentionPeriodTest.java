package org.careaccess.keycloak.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.careaccess.keycloak.sms.LogCapture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetentionPeriodTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void withoutTheAttributeLinksAreKeptThirtyDays(String value) {
        try (LogCapture logs = new LogCapture()) {
            assertThat(RetentionPeriod.parse("patients", value)).isEqualTo(Duration.ofDays(30));
            assertThat(logs.lines()).noneMatch(line -> line.contains("careaccess-retention"));
        }
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 1", "' 7 ', 7", "365, 365"})
    void aWholeNumberOfDaysIsTheRetentionPeriod(String value, int days) {
        assertThat(RetentionPeriod.parse("patients", value)).isEqualTo(Duration.ofDays(days));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-30", "thirty", "1.5", "30d", "P30D", "99999999999"})
    void aBadValueKeepsTheDefaultAndIsWarnedAbout(String value) {
        try (LogCapture logs = new LogCapture()) {
            assertThat(RetentionPeriod.parse("patients", value)).isEqualTo(Duration.ofDays(30));
            assertThat(logs.lines()).filteredOn(line -> line.contains("careaccess-retention")).singleElement().satisfies(line -> assertThat(line)
                    .contains("realm patients", RetentionPeriod.ATTRIBUTE, "'" + value + "'", "30 days"));
        }
    }
}
