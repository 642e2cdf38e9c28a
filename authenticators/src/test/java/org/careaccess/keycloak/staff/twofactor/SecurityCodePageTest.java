package org.careaccess.keycloak.staff.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecurityCodePageTest {

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource({"123456, 123456", "'123 456', 123456", "123-456, 123456", "' 012345 ', 012345"})
    void anAppCodeIsReadWithSpacesAndDashes(String typed, String read) {
        assertThat(SecurityCodePage.appCode(typed, 6)).hasValue(read);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @NullSource
    @ValueSource(strings = {"", "12345", "1234567", "12345a", "١٢٣٤٥٦x", "111111111111111111111111111111111"})
    void anythingElseIsNotAnAppCode(String typed) {
        assertThat(SecurityCodePage.appCode(typed, 6)).isEmpty();
    }
}
