package org.careaccess.keycloak.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LinkCodesTest {

    @Test
    void aCodeHasAtLeast72RandomBitsAndIsUrlSafe() {
        String code = LinkCodes.newCode();

        assertThat(code).matches("[A-Za-z0-9_-]{16}");
        assertThat(Base64.getUrlDecoder().decode(code)).hasSize(LinkCodes.BYTES);
        assertThat(LinkCodes.BYTES * 8).isGreaterThanOrEqualTo(72);
    }

    @Test
    void codesDoNotRepeat() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            codes.add(LinkCodes.newCode());
        }
        assertThat(codes).hasSize(10_000);
    }

    @Test
    void theStoredHashIsSha256Hex() {
        assertThat(LinkCodes.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void onlyWellFormedCodesAreLookedUp() {
        assertThat(LinkCodes.isWellFormed(LinkCodes.newCode())).isTrue();
        assertThat(LinkCodes.isWellFormed("short")).isFalse();
        assertThat(LinkCodes.isWellFormed("<script>alert(1)</script>")).isFalse();
        assertThat(LinkCodes.isWellFormed("A".repeat(65))).isFalse();
        assertThat(LinkCodes.isWellFormed(null)).isFalse();
    }
}
