package org.careaccess.keycloak.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"9434765919", "943 476 5919", "943-476-5919", "9990000018", "9990000026"})
    void validNumbersAreAcceptedWithoutSpaces(String input) {
        assertThat(NhsNumber.normalise(input)).hasValueSatisfying(n -> assertThat(n).matches("\\d{10}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9434765918", "943476591", "94347659190", "94347659l9", "", "   ", "9434765919 9434765919 1"})
    void wrongCheckDigitsLengthsAndCharactersAreRefused(String input) {
        assertThat(NhsNumber.normalise(input)).isEmpty();
    }

    @Test
    void nineDigitsWhoseCheckValueIsTenMakeNoValidNumber() {
        // 000000006: 6 x 2 = 12, 12 mod 11 = 1, 11 - 1 = 10.
        for (int d = 0; d <= 9; d++) {
            assertThat(NhsNumber.normalise("000000006" + d)).isEmpty();
        }
        assertThat(NhsNumber.normalise(null)).isEmpty();
    }
}
