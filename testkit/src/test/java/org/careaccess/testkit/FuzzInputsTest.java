package org.careaccess.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FuzzInputsTest {

    @Test
    void everyCategoryHasValues() {
        for (FuzzInputs.Category category : FuzzInputs.Category.values()) {
            assertThat(FuzzInputs.values(category)).as(category.name()).isNotEmpty();
        }
    }

    @Test
    void formCasesSetEachFieldToEachValueAndLeaveOutAndRepeatEachField() {
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("dob-day", "15");
        valid.put("dob-month", "3");

        List<FuzzInputs.FormCase> cases = FuzzInputs.formCases(valid);

        assertThat(cases).hasSize(2 * (FuzzInputs.values().size() + 2) + 1);
        assertThat(cases).extracting(FuzzInputs.FormCase::name)
                .contains("dob-day missing", "dob-month repeated", "every field missing", "dob-month = MARKUP:script");
    }

    @Test
    void malformedJsonCasesIncludeWrongTypesMissingFieldsAndBrokenJson() {
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("birthDate", "1984-03-15");
        valid.put("mobile", "07700 900123");

        List<String> names = FuzzInputs.jsonCases(valid).stream().map(FuzzInputs.Body::name).toList();

        assertThat(names).contains("mobile as null", "birthDate as Integer", "mobile missing", "truncated JSON", "repeated keys");
        assertThat(FuzzInputs.jsonCases(valid).stream().filter(b -> b.name().equals("repeated keys")).findFirst().orElseThrow().content())
                .startsWith("{\"birthDate\":\"x\",\"birthDate\"");
    }

    @Test
    void markupValuesCarryTheMarker() {
        assertThat(FuzzInputs.values(FuzzInputs.Category.MARKUP))
                .allSatisfy(value -> assertThat(value.value()).contains(FuzzInputs.MARKER));
        assertThat(Arrays.stream(FuzzInputs.Category.values())).contains(FuzzInputs.Category.SQL);
    }
}
