package org.careaccess.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238 appendix B test vectors (SHA-1), last six of the eight digits. */
class AuthenticatorAppTest {

    private static final byte[] KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({"59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924", "2000000000, 279037"})
    void matchesTheRfcTestVectors(long epochSecond, String code) {
        AuthenticatorApp app = AuthenticatorApp.withRawKey(KEY);

        assertThat(app.codeFor(AuthenticatorApp.step(Instant.ofEpochSecond(epochSecond)))).isEqualTo(code);
        assertThat(app.codeAt(Instant.ofEpochSecond(epochSecond))).isEqualTo(code);
    }

    @Test
    void aBase32KeyAsTypedFromTheSetUpPageIsTheSameKey() {
        // "12345678901234567890" in Base32, in groups of four as Keycloak shows it.
        AuthenticatorApp typed = new AuthenticatorApp("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");

        assertThat(typed.codeAt(Instant.ofEpochSecond(59))).isEqualTo("287082");
    }
}
