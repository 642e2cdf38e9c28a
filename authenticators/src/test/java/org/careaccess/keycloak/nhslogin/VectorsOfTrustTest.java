package org.careaccess.keycloak.nhslogin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VectorsOfTrustTest {

    @Test
    void byDefaultOnlyAVerifiedIdentityIsAccepted() {
        VectorsOfTrust vectors = VectorsOfTrust.parse(null);

        assertThat(vectors.vectors()).containsExactly("P9.Cp.Cd", "P9.Cp.Ck", "P9.Cm");
        assertThat(vectors.accepts("P9.Cp.Cd")).isTrue();
        assertThat(vectors.accepts("P9.Cm")).isTrue();
        assertThat(vectors.accepts("P5.Cp.Cd")).isFalse();
        assertThat(vectors.accepts("P0.Cp")).isFalse();
        assertThat(vectors.accepts(null)).isFalse();
        assertThat(vectors.accepts("p9.cp.cd")).as("exactly as requested").isFalse();
    }

    @Test
    void theRequestParameterIsTheJsonArrayNhsLoginExpects() {
        assertThat(VectorsOfTrust.parse("[\"P9.Cp.Cd\", \"P5.Cp.Cd\"]").requestParameter()).isEqualTo("[\"P9.Cp.Cd\",\"P5.Cp.Cd\"]");
        assertThat(VectorsOfTrust.parse(" ").requestParameter()).isEqualTo(VectorsOfTrust.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"P9.Cp.Cd", "[]", "[\"P9\"]", "[\"X9.Cp\"]", "[\"P9.Cp.Cd\", 5]", "{\"a\":1}", "[\"P9.Cp.Cd\"", "[null]"})
    void aSettingThatIsNotAnArrayOfVectorsIsRefusedWithAClearReason(String setting) {
        assertThatThrownBy(() -> VectorsOfTrust.parse(setting))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Vectors of trust must be");
    }
}
