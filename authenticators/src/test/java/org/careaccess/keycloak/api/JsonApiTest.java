package org.careaccess.keycloak.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonApiTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "APPLICATION/JSON"})
    void aJsonObjectIsRead(String contentType) {
        JsonApi.Body body = JsonApi.read(contentType, stream("{\"a\":1}"));

        assertThat(body.json()).hasValueSatisfying(json -> assertThat(json.path("a").asInt()).isEqualTo(1));
        assertThat(body.refusal()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL", "text/plain", "application/x-www-form-urlencoded", "*/*", "application/*", "not a type", "application/json-patch"})
    void anythingButJsonByContentTypeIs415(String contentType) {
        assertRefused(JsonApi.read(contentType, stream("{}")), 415, "unsupported_media_type");
    }

    @Test
    void aBodyOverTheCapIs413() {
        String big = "{\"a\":\"" + "x".repeat(JsonApi.MAX_BODY_BYTES) + "\"}";

        assertRefused(JsonApi.read("application/json", stream(big)), 413, "payload_too_large");
    }

    @Test
    void anArrayIsReadWithItsOwnCapAndAnObjectIsNotAnArray() {
        assertThat(JsonApi.readArray("application/json", stream("[{},{}]"), 100).json())
                .hasValueSatisfying(json -> assertThat(json.size()).isEqualTo(2));
        assertRefused(JsonApi.readArray("application/json", stream("[\"" + "x".repeat(100) + "\"]"), 100), 413, "payload_too_large");
        assertRefused(JsonApi.readArray("application/json", stream("{}"), 100), 400, "invalid_request");
        assertRefused(JsonApi.read("application/json", stream("[]")), 400, "invalid_request");
    }

    @Test
    void aBodyAtTheCapIsRead() {
        String padding = "x".repeat(JsonApi.MAX_BODY_BYTES - "{\"a\":\"\"}".length());

        assertThat(JsonApi.read("application/json", stream("{\"a\":\"" + padding + "\"}")).json()).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[1,2]", "\"text\"", "12", "null", "{\"a\":"})
    void anythingButAJsonObjectIs400(String body) {
        assertRefused(JsonApi.read("application/json", stream(body)), 400, "invalid_request");
    }

    @Test
    void aFieldsProblemNamesTheField() {
        JsonApi.Invalid invalid = new JsonApi.Invalid("ticket", "ticket is required");

        assertThat(invalid.field()).isEqualTo("ticket");
        assertThat(invalid.getMessage()).isEqualTo("ticket is required");
    }

    private static void assertRefused(JsonApi.Body body, int status, String error) {
        assertThat(body.json()).isEmpty();
        assertThat(body.refusal().status().getStatusCode()).isEqualTo(status);
        assertThat(body.refusal().error()).isEqualTo(error);
        assertThat(body.refusal().message()).isNotBlank();
    }

    private static ByteArrayInputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }
}
