package org.careaccess.keycloak.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsTest {

    @ParameterizedTest
    @ValueSource(ints = {12, 32})
    void aTokenCarriesTheAskedRandomBytesAsUrlSafeBase64(int bytes) {
        String token = Secrets.newToken(bytes);

        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(bytes);
        assertThat(token).hasSize(Secrets.tokenLength(bytes)).matches("[A-Za-z0-9_-]+");
        assertThat(Secrets.isToken(token, bytes)).isTrue();
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            tokens.add(Secrets.newToken(12));
        }
        assertThat(tokens).hasSize(10_000);
    }

    @Test
    void aThirtyTwoByteTokenIsFortyThreeCharacters() {
        assertThat(Secrets.tokenLength(32)).isEqualTo(43);
        assertThat(Secrets.tokenLength(12)).isEqualTo(16);
    }

    @Test
    void digitsAreDigitsAndEveryDigitTurnsUp() {
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String code = Secrets.newDigits(6);
            assertThat(code).matches("[0-9]{6}");
            code.chars().forEach(c -> seen.add((char) c));
        }
        assertThat(seen).hasSize(10);
    }

    @Test
    void anythingButUrlSafeBase64OfTheRightLengthIsNotAToken() {
        String token = Secrets.newToken(32);

        assertThat(Secrets.isToken(null, 32)).isFalse();
        assertThat(Secrets.isToken(token.substring(1), 32)).isFalse();
        assertThat(Secrets.isToken(token + "A", 32)).isFalse();
        assertThat(Secrets.isToken("+" + token.substring(1), 32)).isFalse();
        assertThat(Secrets.isToken("<script>alert(1)</script>" + "A".repeat(18), 32)).isFalse();
        assertThat(Secrets.isUrlSafe("abc=", 1, 10)).isFalse();
        assertThat(Secrets.isUrlSafe("é", 1, 10)).isFalse();
        assertThat(Secrets.isUrlSafe("a-b_C9", 6, 6)).isTrue();
    }

    @Test
    void sha256IsTheStandardDigestInLowercaseHex() {
        assertThat(Secrets.sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void constantTimeComparisonSaysEqualOnlyForEqualValues() {
        assertThat(Secrets.equalInConstantTime("abc", "abc")).isTrue();
        assertThat(Secrets.equalInConstantTime("abc", "abd")).isFalse();
        assertThat(Secrets.equalInConstantTime("abc", "abcd")).isFalse();
        assertThat(Secrets.equalInConstantTime(null, "abc")).isFalse();
        assertThat(Secrets.equalInConstantTime("abc", null)).isFalse();
    }

    @Test
    void hmacSha256IsRfc4231sTestCaseTwo() {
        byte[] mac = Secrets.hmacSha256(new SecretKeySpec("Jefe".getBytes(StandardCharsets.UTF_8), "HmacSHA256"), "what do ya want for nothing?");

        assertThat(HexFormat.of().formatHex(mac)).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
