package org.careaccess.keycloak.staff.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.careaccess.keycloak.api.JsonApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class SupportResetTest {

    @Test
    void readsTheVerificationAndTheTicket() throws Exception {
        SupportReset request = SupportReset.parse(json("{\"verification\":\" Called back on the HR number \",\"ticket\":\"SUP-123\",\"extra\":1}"));

        assertThat(request.verification()).isEqualTo("Called back on the HR number");
        assertThat(request.ticket()).isEqualTo("SUP-123");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "{\"ticket\":\"SUP-1\"}                                   | verification",
            "{\"verification\":\"ok\"}                                | ticket",
            "{\"verification\":null,\"ticket\":\"SUP-1\"}             | verification",
            "{\"verification\":{\"a\":1},\"ticket\":\"SUP-1\"}        | verification",
            "{\"verification\":\"ok\",\"ticket\":\"\"}                | ticket",
            "{\"verification\":\"ok\",\"ticket\":\"-starts-badly\"}   | ticket",
            "{\"verification\":\"ok\",\"ticket\":\"SUP 1; DROP\"}     | ticket",
            "{\"verification\":\"line\\u0000break\",\"ticket\":\"A1\"} | verification"})
    void badRequestsNameTheFieldToFix(String body, String field) {
        assertThatThrownBy(() -> SupportReset.parse(json(body)))
                .isInstanceOfSatisfying(JsonApi.Invalid.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).isNotBlank();
                });
    }

    @Test
    void theTicketOfABadRequestIsKeptForTheAuditTrailWhenReadable() throws Exception {
        assertThat(SupportReset.ticketOf(Optional.of(json("{\"ticket\":\"SUP-9\"}")))).isEqualTo("SUP-9");
        assertThat(SupportReset.ticketOf(Optional.of(json("{\"ticket\":\"<script>\"}")))).isNull();
        assertThat(SupportReset.ticketOf(Optional.of(json("{\"ticket\":9}")))).isNull();
        assertThat(SupportReset.ticketOf(Optional.empty())).isNull();
    }

    private static JsonNode json(String body) throws Exception {
        return new ObjectMapper().readTree(body);
    }
}
