package org.careaccess.keycloak.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupportResetTest {

    @Test
    void readsTheVerificationAndTheTicket() throws Exception {
        SupportReset request = SupportReset.parse("{\"verification\":\" Called back on the HR number \",\"ticket\":\"SUP-123\",\"extra\":1}");

        assertThat(request.verification()).isEqualTo("Called back on the HR number");
        assertThat(request.ticket()).isEqualTo("SUP-123");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "''                                                       | NULL",
            "not json                                                 | NULL",
            "[1,2]                                                    | NULL",
            "{\"ticket\":\"SUP-1\"}                                   | verification",
            "{\"verification\":\"ok\"}                                | ticket",
            "{\"verification\":null,\"ticket\":\"SUP-1\"}             | verification",
            "{\"verification\":{\"a\":1},\"ticket\":\"SUP-1\"}        | verification",
            "{\"verification\":\"ok\",\"ticket\":\"\"}                | ticket",
            "{\"verification\":\"ok\",\"ticket\":\"-starts-badly\"}   | ticket",
            "{\"verification\":\"ok\",\"ticket\":\"SUP 1; DROP\"}     | ticket",
            "{\"verification\":\"line\\u0000break\",\"ticket\":\"A1\"} | verification"})
    void badRequestsNameTheFieldToFix(String body, String field) {
        assertThatThrownBy(() -> SupportReset.parse(body))
                .isInstanceOfSatisfying(SupportReset.Invalid.class, e -> {
                    assertThat(e.body()).containsEntry("error", "invalid_request");
                    assertThat(e.body().get("field")).isEqualTo(field);
                    assertThat(e.body().get("message")).isNotBlank();
                });
    }

    @Test
    void theTicketOfABadRequestIsKeptForTheAuditTrailWhenReadable() {
        assertThat(SupportReset.ticketOf("{\"ticket\":\"SUP-9\"}")).isEqualTo("SUP-9");
        assertThat(SupportReset.ticketOf("{\"ticket\":\"<script>\"}")).isNull();
        assertThat(SupportReset.ticketOf("garbage")).isNull();
        assertThat(SupportReset.ticketOf(null)).isNull();
    }
}
