package org.careaccess.keycloak.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Locale;

import org.careaccess.keycloak.api.JsonApi;
import org.careaccess.keycloak.phone.PhoneNumberRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class IssueRecordTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    private static ObjectNode record() {
        ObjectNode record = JSON.createObjectNode();
        record.put("birthDate", "1984-03-15");
        record.put("mobile", "07700 900123");
        record.put("purpose", "questionnaire");
        return record;
    }

    private static IssueRecord read(JsonNode json, boolean requestIdRequired) throws JsonApi.Invalid {
        return IssueRecord.read(json, new PhoneNumberRules.Options(false, false, false, true), TODAY, requestIdRequired);
    }

    @Test
    void aRecordWithRequestIdSendAndWelshIsRead() throws JsonApi.Invalid {
        ObjectNode json = record().put("requestId", "r-1").put("send", true).put("locale", "cy");

        IssueRecord record = read(json, true);

        assertThat(record.requestId()).isEqualTo("r-1");
        assertThat(record.send()).isTrue();
        assertThat(record.locale()).isEqualTo(Locale.forLanguageTag("cy"));
        assertThat(record.link().purpose().value()).isEqualTo("questionnaire");
    }

    @Test
    void withoutSendOrLocaleNothingIsTextedAndEnglishIsTheLanguage() throws JsonApi.Invalid {
        IssueRecord record = read(record(), false);

        assertThat(record.send()).isFalse();
        assertThat(record.locale().getLanguage()).isEqualTo("en");
        assertThat(record.requestId()).isNull();
    }

    @Test
    void aBatchRecordNeedsARequestId() {
        assertThatThrownBy(() -> read(record(), true)).isInstanceOf(JsonApi.Invalid.class)
                .extracting(e -> ((JsonApi.Invalid) e).field()).isEqualTo("requestId");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "send      | \"yes\"",
            "locale    | \"fr\"",
            "requestId | 12",
            "colour    | \"blue\""})
    void aBadFieldIsNamed(String field, String value) throws Exception {
        ObjectNode json = record().put("requestId", "r-1");
        json.set(field, JSON.readTree(value));

        assertThatThrownBy(() -> read(json, true)).isInstanceOf(JsonApi.Invalid.class)
                .extracting(e -> ((JsonApi.Invalid) e).field()).isEqualTo(field);
    }

    @Test
    void aRequestIdOver128CharactersIsRefused() {
        ObjectNode json = record().put("requestId", "r".repeat(129));

        assertThatThrownBy(() -> read(json, true)).isInstanceOf(JsonApi.Invalid.class)
                .extracting(e -> ((JsonApi.Invalid) e).field()).isEqualTo("requestId");
    }
}
