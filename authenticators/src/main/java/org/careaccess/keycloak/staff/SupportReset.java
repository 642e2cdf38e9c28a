package org.careaccess.keycloak.staff;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The body of a support-desk reset, {@code {"verification":"what was checked","ticket":"SUP-123"}},
 * checked field by field so a bad request gets a 400 that says what to fix.
 */
record SupportReset(String verification, String ticket) {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_VERIFICATION = 500;
    static final int MAX_TICKET = 64;
    private static final Pattern TICKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._/#:-]*");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** A request that cannot be acted on: which field and why, in words for the caller. */
    static final class Invalid extends Exception {

        private static final long serialVersionUID = 1L;

        private final String field;

        Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        Map<String, String> body() {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("error", "invalid_request");
            if (field != null) {
                body.put("field", field);
            }
            body.put("message", getMessage());
            return body;
        }
    }

    static SupportReset parse(String body) throws Invalid {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            throw new Invalid(null, "The body must be JSON: {\"verification\":\"...\",\"ticket\":\"...\"}");
        }
        if (json == null || !json.isObject()) {
            throw new Invalid(null, "The body must be a JSON object: {\"verification\":\"...\",\"ticket\":\"...\"}");
        }
        String verification = text(json, "verification", "Say what was checked to verify the person, e.g. \"called back on the number in the staff record\"");
        if (verification.length() > MAX_VERIFICATION) {
            throw new Invalid("verification", "verification must be at most " + MAX_VERIFICATION + " characters");
        }
        String ticket = text(json, "ticket", "Give the support ticket reference, e.g. \"SUP-123\"");
        if (ticket.length() > MAX_TICKET || !TICKET.matcher(ticket).matches()) {
            throw new Invalid("ticket", "ticket must be a reference of up to " + MAX_TICKET
                    + " letters, digits, spaces and . _ / # : -, starting with a letter or digit");
        }
        return new SupportReset(verification, ticket);
    }

    /** The ticket of a body, if it has a readable one: admin events of refused calls carry it too. */
    static String ticketOf(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            String ticket = json != null && json.path("ticket").isTextual() ? json.path("ticket").asText().strip() : null;
            return ticket != null && ticket.length() <= MAX_TICKET && TICKET.matcher(ticket).matches() ? ticket : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode json, String field, String missing) throws Invalid {
        JsonNode value = json.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            throw new Invalid(field, missing);
        }
        if (!value.isTextual()) {
            throw new Invalid(field, field + " must be a string");
        }
        String text = value.asText().strip();
        if (CONTROL.matcher(text).find()) {
            throw new Invalid(field, field + " must not contain control characters");
        }
        return text;
    }
}
