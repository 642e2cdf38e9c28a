package org.careaccess.keycloak.patient.dob;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateOfBirthInputTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @Test
    void threeNumbersMakeADate() {
        DateOfBirthInput input = DateOfBirthInput.read(" 15 ", "03", "1984", TODAY);

        assertThat(input.valid()).isTrue();
        assertThat(input.date()).isEqualTo(LocalDate.of(1984, 3, 15));
    }

    @Test
    void todayIsInThePastEnough() {
        assertThat(DateOfBirthInput.read("1", "6", "2026", TODAY).valid()).isTrue();
    }

    @ParameterizedTest(name = "{0}/{1}/{2} -> {3}")
    @CsvSource(nullValues = "null", value = {
            "'', '', '', careaccess.dob.missing, dob-day dob-month dob-year",
            "null, null, null, careaccess.dob.missing, dob-day dob-month dob-year",
            "'', 3, 1984, careaccess.dob.missing.day, dob-day",
            "15, '', 1984, careaccess.dob.missing.month, dob-month",
            "15, 3, '', careaccess.dob.missing.year, dob-year",
            "'', '', 1984, careaccess.dob.missing.dayMonth, dob-day dob-month",
            "'', 3, '', careaccess.dob.missing.dayYear, dob-day dob-year",
            "15, '', '', careaccess.dob.missing.monthYear, dob-month dob-year",
            "31, 2, 1984, careaccess.dob.notReal, dob-day dob-month dob-year",
            "29, 2, 1983, careaccess.dob.notReal, dob-day dob-month dob-year",
            "0, 3, 1984, careaccess.dob.notReal, dob-day dob-month dob-year",
            "15, 13, 1984, careaccess.dob.notReal, dob-day dob-month dob-year",
            "fifteen, 3, 1984, careaccess.dob.notReal, dob-day dob-month dob-year",
            "15, 3, 19x4, careaccess.dob.notReal, dob-day dob-month dob-year",
            "150, 3, 1984, careaccess.dob.notReal, dob-day dob-month dob-year",
            "15, 3, 84, careaccess.dob.yearFourDigits, dob-year",
            "15, 3, 019840, careaccess.dob.yearFourDigits, dob-year",
            "2, 6, 2026, careaccess.dob.future, dob-day dob-month dob-year",
            "31, 12, 1899, careaccess.dob.tooEarly, dob-year",
            "15, 3, 12345678901, careaccess.dob.notReal, dob-day dob-month dob-year"})
    void badInputGetsOneGovUkMessageAndTheBoxesItConcerns(String day, String month, String year, String key, String parts) {
        DateOfBirthInput input = DateOfBirthInput.read(day, month, year, TODAY);

        assertThat(input.valid()).isFalse();
        assertThat(input.errorKey()).isEqualTo(key);
        assertThat(input.errorParts()).containsExactly(parts.split(" "));
    }
}
