package org.careaccess.keycloak.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.careaccess.keycloak.link.Purpose;
import org.careaccess.keycloak.phone.PhoneNumberRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class LinkRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final PhoneNumberRules.Options DRAMA_ALLOWED = new PhoneNumberRules.Options(false, false, false, true);

    private static ObjectNode valid() {
        ObjectNode body = JSON.createObjectNode();
        body.put("birthDate", "1984-03-15");
        body.put("mobile", "07700 900123");
        body.put("purpose", "appointment");
        return body;
    }

    @Test
    void theThreeRequiredFieldsAreEnoughAndTheRestDefault() throws Exception {
        LinkRequest request = LinkRequest.read(valid(), DRAMA_ALLOWED, TODAY);

        assertThat(request.birthDate()).isEqualTo(LocalDate.of(1984, 3, 15));
        assertThat(request.mobile()).isEqualTo("+447700900123");
        assertThat(request.purpose()).isEqualTo(Purpose.APPOINTMENT);
        assertThat(request.nhsNumber()).isNull();
        assertThat(request.resource()).isNull();
        assertThat(request.expiresInDays()).isEqualTo(30);
    }

    @Test
    void everyFieldIsRead() throws Exception {
        ObjectNode body = valid();
        body.put("nhsNumber", "943 476 5919");
        body.put("givenName", " Ann ");
        body.put("familyName", "Example");
        body.put("resource", "appt-9");
        body.put("expiresInDays", 90);

        LinkRequest request = LinkRequest.read(body, DRAMA_ALLOWED, TODAY);

        assertThat(request.nhsNumber()).isEqualTo("9434765919");
        assertThat(request.givenName()).isEqualTo("Ann");
        assertThat(request.resource()).isEqualTo("appt-9");
        assertThat(request.expiresInDays()).isEqualTo(90);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "birthDate | \"2026-06-02\"",
            "birthDate | \"84-03-15\"",
            "mobile | \"07700 900123\"",
            "expiresInDays | 91",
            "resource | \"\"\"",
            "nhsNumber | \"\""})
    void problemsNameTheirField(String field, String json) throws Exception {
        ObjectNode body = valid();
        if (field.equals("mobile")) {
            assertThatThrownBy(() -> LinkRequest.read(body, PhoneNumberRules.Options.UK_MOBILES_ONLY, TODAY))
                    .isInstanceOfSatisfying(org.careaccess.keycloak.api.JsonApi.Invalid.class, e -> assertThat(e.field()).isEqualTo("mobile"));
            return;
        }
        if (field.equals("resource")) {
            body.put("resource", "x".repeat(257));
        } else if (field.equals("nhsNumber")) {
            body.put("nhsNumber", "9434765918");
        } else {
            body.set(field, JSON.readTree(json));
        }
        assertThatThrownBy(() -> LinkRequest.read(body, DRAMA_ALLOWED, TODAY))
                .isInstanceOfSatisfying(org.careaccess.keycloak.api.JsonApi.Invalid.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void todayIsAcceptedAsABirthDate() throws Exception {
        ObjectNode body = valid();
        body.put("birthDate", TODAY.toString());

        assertThat(LinkRequest.read(body, DRAMA_ALLOWED, TODAY).birthDate()).isEqualTo(TODAY);
    }

    @Test
    void aBlankOptionalFieldCountsAsAbsent() throws Exception {
        ObjectNode body = valid();
        body.put("resource", "   ");
        body.putNull("givenName");

        LinkRequest request = LinkRequest.read(body, DRAMA_ALLOWED, TODAY);

        assertThat(request.resource()).isNull();
        assertThat(request.givenName()).isNull();
    }
}
