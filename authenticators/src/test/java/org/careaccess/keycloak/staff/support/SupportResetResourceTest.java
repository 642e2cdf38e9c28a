package org.careaccess.keycloak.staff.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SupportResetResourceTest {

    @ParameterizedTest
    @ValueSource(strings = {"0f41c8a2-5b1e-4a55-9d0e-3c1f7a9b2e11", "imported-user-7", "x"})
    void keycloakStyleIdsArePlausible(String id) {
        assertThat(SupportResetResource.isPlausibleUserId(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0f41c8a2-5b1e-4a55-9d0e-3c1f7a9b2e11x", "12\u000034", "12\r\n34"})
    void emptyTooLongAndControlCharacterIdsAreNotLookedUp(String id) {
        assertThat(SupportResetResource.isPlausibleUserId(id)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {37, 10_000})
    void idsLongerThanTheIdColumnAreNotLookedUp(int length) {
        assertThat(SupportResetResource.isPlausibleUserId("9".repeat(length))).isFalse();
    }
}
