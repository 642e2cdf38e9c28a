package org.careaccess.keycloak.staff.support;

import java.util.Optional;
import java.util.regex.Pattern;

import org.careaccess.keycloak.api.JsonApi.Invalid;
import org.careaccess.keycloak.api.JsonApi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of a support-desk reset, {@code {"verification":"what was checked","ticket":"SUP-123"}},
 * checked field by field so a bad request gets a 400 that says what to fix.
 */
record SupportReset(String verification, String ticket) {

    static final int MAX_VERIFICATION = 500;
    static final int MAX_TICKET = 64;
    private static final Pattern TICKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._/#:-]*");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** The request in a JSON object ({@link JsonApi#read} checked it is one). */
    static SupportReset parse(JsonNode json) throws Invalid {
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
    static String ticketOf(Optional<JsonNode> json) {
        String ticket = json.filter(body -> body.path("ticket").isTextual()).map(body -> body.path("ticket").asText().strip()).orElse(null);
        return ticket != null && ticket.length() <= MAX_TICKET && TICKET.matcher(ticket).matches() ? ticket : null;
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
