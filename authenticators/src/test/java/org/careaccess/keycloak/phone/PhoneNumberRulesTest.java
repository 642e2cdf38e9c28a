package org.careaccess.keycloak.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.careaccess.keycloak.phone.PhoneNumberRejectedException.Reason;
import org.careaccess.keycloak.phone.PhoneNumberRules.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberRulesTest {

    private static final Options DRAMA_ALLOWED = new Options(false, false, false, true);

    @ParameterizedTest
    @ValueSource(strings = {"07700 900123", "07700900123", "+447700900123", "+44 (0)7700 900123", "0044 7700 900 123",
            "  07700-900-123  ", "٠٧٧٠٠٩٠٠١٢٣"})
    void writtenAnyWayAUkMobileBecomesE164(String typed) throws Exception {
        assertThat(PhoneNumberRules.normalise(typed, DRAMA_ALLOWED)).isEqualTo("+447700900123");
    }

    @Test
    void theDramaRangeIsRefusedUnlessTheRealmAllowsIt() {
        assertThatThrownBy(() -> PhoneNumberRules.normalise("07700 900123", Options.UK_MOBILES_ONLY))
                .extracting(e -> ((PhoneNumberRejectedException) e).reason()).isEqualTo(Reason.NOT_A_NUMBER);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "020 7946 0123| LANDLINE",
            "0909 879 0123| PREMIUM_RATE",
            "+1 202 555 0123| NOT_UK",
            "0808 157 0123| NOT_MOBILE",
            "070 1234 5678| NOT_MOBILE",
            "056 1234 5678| NOT_MOBILE",
            "07700 9001234| NOT_A_NUMBER",
            "0770| NOT_A_NUMBER",
            "not a number| NOT_A_NUMBER",
            "<script>alert(1)</script>| NOT_A_NUMBER",
            "''; drop table users; --| NOT_A_NUMBER"})
    void refusesWhatCannotTakeATextWithAReason(String typed, Reason reason) {
        assertThatThrownBy(() -> PhoneNumberRules.normalise(typed, DRAMA_ALLOWED))
                .isInstanceOf(PhoneNumberRejectedException.class)
                .extracting(e -> ((PhoneNumberRejectedException) e).reason()).isEqualTo(reason);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aMissingNumberIsMissing(String typed) {
        assertThatThrownBy(() -> PhoneNumberRules.normalise(typed, DRAMA_ALLOWED))
                .extracting(e -> ((PhoneNumberRejectedException) e).reason()).isEqualTo(Reason.MISSING);
    }

    @Test
    void aHugeInputIsRefusedBeforeParsing() {
        assertThatThrownBy(() -> PhoneNumberRules.normalise("0".repeat(100_000), DRAMA_ALLOWED))
                .extracting(e -> ((PhoneNumberRejectedException) e).reason()).isEqualTo(Reason.NOT_A_NUMBER);
    }

    @Test
    void aRealmCanAllowLandlinesPremiumRateAndInternationalNumbers() throws Exception {
        Options everything = new Options(true, true, true, false);
        assertThat(PhoneNumberRules.normalise("020 7946 0123", everything)).isEqualTo("+442079460123");
        assertThat(PhoneNumberRules.normalise("0909 879 0123", everything)).isEqualTo("+449098790123");
        assertThat(PhoneNumberRules.normalise("+1 202 555 0123", everything)).isEqualTo("+12025550123");
    }

    @Test
    void everyReasonHasAMessageKeyAndEnglishWords() {
        for (Reason reason : Reason.values()) {
            assertThat(reason.messageKey()).startsWith("careaccess.phone.");
            assertThat(reason.message()).startsWith("Enter a");
        }
    }
}
